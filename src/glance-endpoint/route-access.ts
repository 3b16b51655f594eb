import { requireToken } from "../middleware/require-token";
import { REGION_HEADER, REGION_QUERY_KEY } from "./region";
import { requireTokenForCatalog, selectGlance } from "./select-glance";

export const KEYSTONE_TOKEN_SCHEME = "KeystoneToken";

/** The OpenAPI security scheme every token route names; the app registers it once. */
export const KEYSTONE_TOKEN_SECURITY_SCHEME = {
  type: "apiKey" as const,
  in: "header" as const,
  name: "X-Auth-Token",
  description: "A project-scoped Keystone token; forwarded to Glance and to nothing else.",
};

const REGION_DESCRIPTION =
  "Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's " +
  "Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none " +
  "chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented " +
  "example is empty, so that the docs page's Try it out, which fills in every example, uses the default region).";

/** The region choice every Glance-backed route takes: the header, or the query key (both given and different: 400). */
export const REGION_PARAMETERS = [
  {
    name: REGION_HEADER,
    in: "header" as const,
    required: false,
    description: REGION_DESCRIPTION,
    schema: { type: "string" as const, maxLength: 255, example: "" },
  },
  {
    name: REGION_QUERY_KEY,
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

/** A route that needs the token but no Glance (it reads only the token's catalog). */
export const tokenOnly = {
  security: [{ [KEYSTONE_TOKEN_SCHEME]: [] }],
  middleware: [requireToken],
};

/** For a route Glance answers without a token: with GLANCE_URL no token; without it, one to read the catalog. */
export const tokenForCatalogOnly = {
  security: [{}, { [KEYSTONE_TOKEN_SCHEME]: [] }] as Record<string, string[]>[],
  middleware: [requireTokenForCatalog, selectGlance],
  parameters: REGION_PARAMETERS,
};
