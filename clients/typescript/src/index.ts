import createClient, { type ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

type Schemas = components["schemas"];
export type Image = Schemas["Image"];
export type ImageList = Schemas["ImageList"];
export type CreateImageRequest = Schemas["CreateImageRequest"];
export type UpdateImageRequest = Schemas["UpdateImageRequest"];
/** The RFC 9457 problem document of every non-2xx answer. */
export type Problem = Schemas["Problem"];
/** The closed set of problem kinds (`urn:glance-edge:problem:…`): switch on it rather than on `title` or `detail`. */
export type ProblemType = Problem["type"];

export interface GlanceEdgeClientOptions extends ClientOptions {
  /** The API's origin, e.g. `https://glance-edge.cloud.internal` (paths already start with `/api/glance/`). */
  baseUrl: string;
  /** A project-scoped Keystone token sent as `X-Auth-Token`; a function is asked again on every request. */
  token?: string | (() => string | undefined);
}

/**
 * A typed client of glance-edge: `client.GET("/api/glance/images/{image_id}/", { params: { path: { image_id } } })`
 * answers `{ data, error, response }`, `data` typed by the 2xx schema and `error` by the `Problem` schema.
 */
export function createGlanceEdgeClient({ token, ...options }: GlanceEdgeClientOptions) {
  const client = createClient<paths>(options);
  if (token !== undefined) {
    client.use({
      onRequest({ request }) {
        const value = typeof token === "function" ? token() : token;
        if (value) request.headers.set("X-Auth-Token", value);
        return request;
      },
    });
  }
  return client;
}

export type GlanceEdgeClient = ReturnType<typeof createGlanceEdgeClient>;
