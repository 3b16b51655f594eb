// bench/floor-json-worker.js - the least a Worker that *transforms* Glance's JSON can do (the second
// floor of bench/profile.mjs --floor): the same two routes as bench/floor-worker.js, but Glance's answer
// is read as text, parsed, re-serialised and sent in a new Response with the headers glance-edge sends
// (no routing, no validation, no reshaping, no log line). Whatever glance-edge costs above this one is
// its routing, checks, transform and logging; what this one costs above the pipe is any JSON proxy's.
export default {
  async fetch(request, env) {
    const id = new URL(request.url).pathname.split("/")[4];
    const target = id
      ? `${env.GLANCE_URL}/v2/images/${id}`
      : `${env.GLANCE_URL}/v2/images?limit=21&sort_key=created_at&sort_dir=desc`;
    const upstream = await fetch(target, {
      headers: {
        accept: "application/json",
        "user-agent": "glance-edge",
        "x-openstack-request-id": `req-${crypto.randomUUID()}`,
        "x-auth-token": request.headers.get("x-auth-token") ?? "",
      },
    });
    const document = JSON.parse(await upstream.text());
    return new Response(JSON.stringify(document), {
      status: upstream.status,
      headers: {
        "content-type": "application/json",
        "x-request-id": crypto.randomUUID(),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        vary: "X-Auth-Token",
      },
    });
  },
};
