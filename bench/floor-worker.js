// bench/floor-worker.js - the least a Worker in front of Glance can do: GET /api/glance/images/{id}/ is
// answered with Glance's own answer to GET /v2/images/{id}, piped through untouched (no routing, no
// validation, no transform, no log line). bench/run.sh serves it under bare workerd beside glance-edge,
// so the table shows what workerd itself costs per proxied call and how much of the rest is ours.
export default {
  async fetch(request, env) {
    const id = new URL(request.url).pathname.split("/")[4];
    return fetch(`${env.GLANCE_URL}/v2/images/${id}`, {
      headers: { "x-auth-token": request.headers.get("x-auth-token") ?? "" },
    });
  },
};
