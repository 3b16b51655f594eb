// bench/floor-worker.js - the least a Worker in front of Glance can do: GET /api/glance/images/{id}/ is
// answered with Glance's own answer to GET /v2/images/{id}, and GET /api/glance/images/ (any query) with
// its answer to the Glance call glance-edge makes for `?paginate=true` (GET
// /v2/images?limit=21&sort_key=created_at&sort_dir=desc), piped through untouched (no routing, no
// validation, no transform, no log line). bench/run.sh and bench/profile.mjs --floor serve it under bare
// workerd beside glance-edge, so the tables show what workerd itself costs per proxied call and how much
// of the rest is ours.
export default {
  async fetch(request, env) {
    const id = new URL(request.url).pathname.split("/")[4];
    const target = id
      ? `${env.GLANCE_URL}/v2/images/${id}`
      : `${env.GLANCE_URL}/v2/images?limit=21&sort_key=created_at&sort_dir=desc`;
    return fetch(target, {
      headers: { "x-auth-token": request.headers.get("x-auth-token") ?? "" },
    });
  },
};
