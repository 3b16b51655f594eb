// One resumable upload through glance-edge with tus-js-client (the client the e2e suite and browsers use), then
// HEAD until the hand-off to Glance has ended. Prints one JSON line: the seconds the PATCHes took, the seconds from the
// last byte to `Upload-Handoff: done`, the total, and the hand-off's state.
//
//   node bench/tus-upload.mjs BASE_URL IMAGE_ID FILE CHUNK_BYTES     (the token in X_AUTH_TOKEN)
import { createReadStream, statSync } from "node:fs";
import tus from "tus-js-client";

const [baseUrl, imageId, file, chunkBytes] = process.argv.slice(2);
const token = process.env.X_AUTH_TOKEN;
const size = statSync(file).size;
const started = performance.now();

const url = await new Promise((resolve, reject) => {
  const upload = new tus.Upload(createReadStream(file), {
    endpoint: `${baseUrl}/api/glance/images/${imageId}/uploads/`,
    chunkSize: Number(chunkBytes),
    uploadSize: size,
    headers: { "X-Auth-Token": token },
    retryDelays: [],
    storeFingerprintForResuming: false,
    onSuccess: () => resolve(upload.url),
    onError: reject,
  });
  upload.start();
});
const uploaded = performance.now();

let state = "";
for (;;) {
  const head = await fetch(url, { method: "HEAD", headers: { "tus-resumable": "1.0.0", "x-auth-token": token } });
  state = head.headers.get("upload-handoff") ?? `HTTP ${head.status}`;
  if (state === "done" || state === "failed" || !head.ok) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const done = performance.now();
console.log(
  JSON.stringify({
    state,
    bytes: size,
    upload_s: (uploaded - started) / 1000,
    handoff_s: (done - uploaded) / 1000,
    total_s: (done - started) / 1000,
  }),
);
if (state !== "done") process.exit(1);
