import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { problemResponses } from "../../lib/problem-responses";
import { ImportMethodsSchema, StoresSchema, UsageSchema } from "./info.schemas";

export const getImportMethods = createRoute({
  method: "get",
  path: "/api/glance/info/import/",
  operationId: "getImportMethods",
  tags: ["info"],
  summary: "The import methods Glance offers",
  description: [
    "One `GET /v2/info/import`; answers its `import-methods` value as `import_methods` (an empty list when Glance answers",
    "404: interoperable import is off). A client decides from it how to send image data: `glance-direct` (stage, then",
    "import), `web-download` (Glance fetches a URL), `copy-image`, `glance-download`. Not in Horizon.",
  ].join("\n"),
  ...authenticated,
  responses: {
    200: jsonContent(ImportMethodsSchema, "The import methods"),
    ...problemResponses(401, 403),
  },
});

export const getStores = createRoute({
  method: "get",
  path: "/api/glance/info/stores/",
  operationId: "getStores",
  tags: ["info"],
  summary: "Glance's stores (multi-store deployments)",
  description: [
    "One `GET /v2/info/stores`: the stores of a multi-store Glance, with the default one marked. A single-store Glance",
    'answers that call with 404 ("Multi backend is not supported at this site", checked against Glance 25); this answers',
    "200 with an empty list instead, since there is nothing to choose. Not in Horizon.",
  ].join("\n"),
  ...authenticated,
  responses: {
    200: jsonContent(StoresSchema, "The stores; empty for a single-store Glance"),
    ...problemResponses(401, 403),
  },
});

export const getUsage = createRoute({
  method: "get",
  path: "/api/glance/info/usage/",
  operationId: "getUsage",
  tags: ["info"],
  summary: "The caller's quota usage",
  description: [
    "One `GET /v2/info/usage`, answered as Glance has it: the caller's project usage and limit per resource, or an",
    "empty `usage` when Glance does not enforce Keystone unified limits (Glance 25 out of the box). Not in Horizon.",
  ].join("\n"),
  ...authenticated,
  responses: {
    200: jsonContent(UsageSchema, "The usage"),
    ...problemResponses(401, 403),
  },
});

export type GetImportMethodsRoute = typeof getImportMethods;
export type GetStoresRoute = typeof getStores;
export type GetUsageRoute = typeof getUsage;
