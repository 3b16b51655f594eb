// bench/floor-data-worker.js - the floors of image data for bench/data.sh: what a Worker in front of
// Glance costs per byte when it does (almost) nothing. PUT and GET /api/glance/images/{id}/file/ map to
// Glance's /v2/images/{id}/file. MODE (a var):
//   pipe     the request body handed to fetch and Glance's answer returned as they are: workerd pumps
//            both natively, no JavaScript per chunk (the download floor; the upload floor of a proxy)
//   sha512   the upload read as glance-edge reads it (byob reads of 64-256 KiB into one reused buffer),
//            each chunk written to a DigestStream("SHA-512") and to a FixedLengthStream that fetch
//            sends: the least any upload path that checks the data's digest can do (no inspection,
//            no idle timer, no checks); CHUNK_KIB (256) sets the largest read
export default {
  async fetch(request, env) {
    const id = new URL(request.url).pathname.split("/")[4];
    const url = `${env.GLANCE_URL}/v2/images/${id}/file`;
    const headers = { "x-auth-token": request.headers.get("x-auth-token") ?? "" };
    if (request.method !== "PUT") return fetch(url, { headers });
    const length = Number(request.headers.get("content-length"));
    headers["content-type"] = "application/octet-stream";
    if (env.MODE !== "sha512") return fetch(url, { method: "PUT", headers, body: request.body });
    const maxChunk = Number(env.CHUNK_KIB ?? 256) * 1024;
    const { readable, writable } = new FixedLengthStream(length);
    const digest = new crypto.DigestStream("SHA-512");
    const hash = digest.getWriter();
    const pump = (async () => {
      const reader = request.body.getReader({ mode: "byob" });
      const out = writable.getWriter();
      let buffer = new ArrayBuffer(maxChunk);
      for (;;) {
        const { done, value } = await reader.readAtLeast(Math.min(64 * 1024, maxChunk), new Uint8Array(buffer));
        if (value && value.byteLength > 0) {
          await hash.write(value);
          await out.write(value);
          buffer = value.buffer;
        }
        if (done) break;
      }
      await hash.close();
      await out.close();
    })();
    const answer = await fetch(url, {
      method: "PUT",
      headers: { ...headers, "content-length": String(length) },
      body: readable,
    });
    await pump;
    const sha512 = [...new Uint8Array(await digest.digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    return new Response(answer.body, { status: answer.status, headers: { "x-sha512": sha512 } });
  },
};
