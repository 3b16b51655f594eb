// bench/refused-body-worker.js - the least a Worker can do to refuse a request body, in four ways
// (the MODE binding), for bench/refused-bodies.sh to show what bare workerd does with the body a
// Worker leaves unread. Every request is answered 413 with a short text body.
//   answer-early   answer without touching the body
//   cancel         cancel the body, then answer
//   drain-after    answer, and read the body to its end in waitUntil
//   drain-first    read the body to its end (64-256 KiB reads, nothing kept), then answer
const refusal = () => new Response("too large\n", { status: 413 });

async function drain(body) {
  const reader = body.getReader({ mode: "byob" });
  for (;;) {
    const { done } = await reader.readAtLeast(64 * 1024, new Uint8Array(256 * 1024));
    if (done) return;
  }
}

export default {
  async fetch(request, env, ctx) {
    if (!request.body) return refusal();
    switch (env.MODE) {
      case "cancel":
        await request.body.cancel();
        return refusal();
      case "drain-after":
        ctx.waitUntil(drain(request.body));
        return refusal();
      case "drain-first":
        await drain(request.body);
        return refusal();
      default:
        return refusal();
    }
  },
};
