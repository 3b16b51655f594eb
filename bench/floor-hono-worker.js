// bench/floor-hono-worker.js - the least a contract-first Worker built like glance-edge can do (the
// third floor of bench/profile.mjs --floor): @hono/zod-openapi's OpenAPIHono with the two routes of
// bench/floor-worker.js as zod-openapi definitions (the image id checked as a UUID, the list query
// declared), one middleware that sets a header after the handler, and handlers that fetch Glance, parse
// its JSON and answer it with c.json. No access log, no Server-Timing, no reshaping, no checks of
// Glance's answer. bench/profile.mjs bundles it with esbuild (zod without its locales, as wrangler does).
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";

const app = new OpenAPIHono({ strict: true });
app.use(async (c, next) => {
  await next();
  c.res.headers.set("x-content-type-options", "nosniff");
});

const glance = async (c, path) => {
  const upstream = await fetch(`${c.env.GLANCE_URL}${path}`, {
    headers: { accept: "application/json", "x-auth-token": c.req.header("x-auth-token") ?? "" },
  });
  return c.json(JSON.parse(await upstream.text()), 200);
};

app.openapi(
  createRoute({
    method: "get",
    path: "/api/glance/images/{image_id}/",
    request: { params: z.object({ image_id: z.uuid() }) },
    responses: { 200: { description: "the image", content: { "application/json": { schema: z.object({}).loose() } } } },
  }),
  (c) => glance(c, `/v2/images/${c.req.valid("param").image_id}`),
);
app.openapi(
  createRoute({
    method: "get",
    path: "/api/glance/images/",
    request: { query: z.object({ paginate: z.enum(["true", "false"]).optional() }) },
    responses: { 200: { description: "a page", content: { "application/json": { schema: z.object({}).loose() } } } },
  }),
  (c) => glance(c, "/v2/images?limit=21&sort_key=created_at&sort_dir=desc"),
);

export default app;
