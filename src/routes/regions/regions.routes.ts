import { createRoute } from "@hono/zod-openapi";
import { tokenOnly } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { problemResponses } from "../../lib/problem-responses";
import { RegionListSchema } from "./regions.schemas";

export const listRegions = createRoute({
  method: "get",
  path: "/api/glance/regions/",
  operationId: "listRegions",
  tags: ["regions"],
  summary: "Regions with a Glance for this token",
  description: [
    "The regions that offer an `image` endpoint (interface `GLANCE_INTERFACE`) in the caller's Keystone catalog, and the one a request",
    "without `X-OpenStack-Region` or `?region=` goes to: for a region picker, as on Horizon's login page. Endpoint URLs are not shown.",
    "The catalog comes from Keystone (`GET /v3/auth/tokens`, the token as its own subject) and is cached per token like every",
    "catalog lookup (never past the token's expiry nor `TOKEN_VERDICT_TTL`). A token Keystone refuses is a 401; a token whose",
    "catalog has no image endpoint gets an empty list.",
    "With `GLANCE_URL` set the catalog is not read: the list holds `DEFAULT_REGION` when it is set, else nothing.",
    "Not in Horizon (its region list is a login-page setting).",
  ].join("\n"),
  ...tokenOnly,
  responses: {
    200: jsonContent(RegionListSchema, "The regions and the default one"),
    ...problemResponses(401),
  },
});

export type ListRegionsRoute = typeof listRegions;
