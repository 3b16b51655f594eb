export const OPENAPI_DOCUMENT_PATH = "/api/glance/openapi.json";

export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "glance-edge",
    version: "0.1.0",
    description: [
      "OpenStack Horizon's image REST API (`/api/glance/...`) as a Cloudflare Worker that proxies Glance v2.",
      "",
      "Paths, parameters and payloads follow Horizon 23 (`openstack_dashboard.api.rest.glance`) where Horizon is right.",
      "Where Horizon has a bug, this API fixes it; each operation's description says where it differs.",
      "Every non-2xx answer is an RFC 9457 `application/problem+json` document carrying the request id.",
      "Send `X-Auth-Token` (a project-scoped Keystone token) on every call except the version lookup.",
      "Glance is `GLANCE_URL`, or, without it, the `image` endpoint of the chosen region (`X-OpenStack-Region` or `?region=`) in the caller's Keystone catalog.",
      "A path without its trailing slash answers 308 to the slash form (the deactivate/reactivate actions are answered on both).",
      "Every answer carries `Server-Timing`: `app` (time in glance-edge itself), `glance` and `keystone` (time waiting on each, with the call count) and `cache` (hit, stale, miss or bypass).",
    ].join("\n"),
    license: { name: "Apache-2.0", identifier: "Apache-2.0" },
  },
  servers: [
    { url: "/", description: 'The origin that serves this document (what the docs page\'s "Try it out" calls)' },
    { url: "http://127.0.0.1:8787", description: "Local development: `npm start` / `npm run dev`" },
    {
      url: "https://{host}",
      description: "A production deployment (README, Deploy)",
      variables: { host: { default: "glance-edge.cloud.internal", description: "The Worker's route hostname" } },
    },
  ],
  tags: [
    { name: "version", description: "Glance API version discovery" },
    { name: "images", description: "Images: list, create, read, update, delete" },
    { name: "image-properties", description: "An image's custom properties" },
    { name: "metadefs", description: "Metadata definitions: namespaces and resource types" },
    { name: "image-import", description: "Interoperable import of an image's data, and the tasks that follow it" },
    { name: "image-actions", description: "Deactivate and reactivate an image" },
    {
      name: "info",
      description: "What the Glance deployment offers: import methods, stores, the caller's quota usage",
    },
    { name: "regions", description: "The regions whose Glance this token can use" },
  ],
};
