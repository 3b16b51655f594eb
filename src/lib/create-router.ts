import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { requireTokenForCatalog, selectGlance } from "../glance-endpoint/select-glance";
import { requireToken } from "../middleware/require-token";
import { type FieldError, invalidInput } from "./problem";

const LOCATIONS: Record<string, FieldError["location"]> = {
  query: "query",
  param: "path",
  json: "body",
  header: "header",
};

interface ValidationFailure {
  target: string;
  error: { issues: { path: PropertyKey[]; message: string }[] };
}

/** Turns a failed zod validation into a 400 problem naming every offending field. */
export function validationProblem({ target, error }: ValidationFailure) {
  const location = LOCATIONS[target] ?? "body";
  const errors = error.issues.map((issue) => ({
    location,
    field: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  return invalidInput(errors);
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: true,
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result as ValidationFailure);
    },
  });
}

export const KEYSTONE_TOKEN_SCHEME = "KeystoneToken";

const REGION_DESCRIPTION =
  "Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's " +
  "Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none " +
  "chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented " +
  "example is empty, so that the docs page's Try it out, which fills in every example, uses the default region).";

/** The region choice every Glance-backed route takes: the header, or the query key (both given and different: 400). */
export const REGION_PARAMETERS = [
  {
    name: "X-OpenStack-Region",
    in: "header" as const,
    required: false,
    description: REGION_DESCRIPTION,
    schema: { type: "string" as const, maxLength: 255, example: "" },
  },
  {
    name: "region",
    in: "query" as const,
    required: false,
    description: `${REGION_DESCRIPTION} Consumed here, never sent to Glance.`,
    schema: { type: "string" as const, maxLength: 255, example: "" },
  },
];

/**
 * Spread into a createRoute config: documents the X-Auth-Token requirement and enforces it, then
 * picks the request's Glance (`c.get("glance")`) for the chosen region.
 */
export const authenticated = {
  security: [{ [KEYSTONE_TOKEN_SCHEME]: [] }],
  middleware: [requireToken, selectGlance],
  parameters: REGION_PARAMETERS,
};

/** For a route Glance answers without a token: with GLANCE_URL no token; without it, one to read the catalog. */
export const tokenForCatalogOnly = {
  security: [{}, { [KEYSTONE_TOKEN_SCHEME]: [] }] as Record<string, string[]>[],
  middleware: [requireTokenForCatalog, selectGlance],
  parameters: REGION_PARAMETERS,
};

export const jsonContent = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
