import { callWorker } from "./call-api";

export const TUS = { "tus-resumable": "1.0.0" };

/** A tus PATCH of one chunk at `offset`, as a tus client sends it. */
export function patchChunk(
  path: string,
  offset: number,
  body: Uint8Array,
  { headers = {}, vars }: { headers?: Record<string, string>; vars?: Record<string, string> } = {},
) {
  return callWorker(path, {
    method: "PATCH",
    headers: {
      ...TUS,
      "content-type": "application/offset+octet-stream",
      "upload-offset": String(offset),
      "content-length": String(body.byteLength),
      ...headers,
    },
    body,
    vars,
  });
}
