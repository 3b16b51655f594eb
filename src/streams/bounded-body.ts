import { discardUpTo, MAX_DRAINED_BYTES } from "./discard";

export type BoundedText = { ok: true; text: string } | { ok: false; bytesRead: number };

/** A declared Content-Length as a number; undefined when absent or not a plain decimal. */
export function declaredLength(headers: Headers): number | undefined {
  const value = headers.get("content-length");
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * Reads a body as UTF-8 text, counting bytes as they arrive and stopping as soon as it passes
 * `maxBytes`, so a body without a length, or lying about it, never costs more memory than the
 * limit. Past the limit an upstream answer is cancelled (`"cancel"`: stop the download); the
 * caller's own request body is only let go (`"release"`): cancelling it left the client's next
 * request on that connection hanging behind wrangler dev, while a body left unread is the
 * runtime's to discard.
 */
export async function readTextWithin(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  pastLimit: "cancel" | "release" = "cancel",
): Promise<BoundedText> {
  if (!body) return { ok: true, text: "" };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytesRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    if (bytesRead > maxBytes) {
      // Not awaited: a peer that keeps sending must not hold the answer back.
      if (pastLimit === "cancel") void reader.cancel().catch(() => undefined);
      else reader.releaseLock();
      return { ok: false, bytesRead };
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  let text = "";
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return { ok: true, text: text + decoder.decode() };
}

/**
 * A request's or response's whole body as text within `maxBytes`. A plain body (no
 * Content-Encoding) whose Content-Length is within the cap is read in one native call, since the
 * runtime's HTTP framing never reads past the declared length; skipping the JavaScript read loop
 * saves about a tenth of the Worker's CPU per proxied call (bench/README.md). Any other body is
 * counted while it is read.
 */
export async function readBodyTextWithin(
  message: Request | Response,
  maxBytes: number,
  pastLimit: "cancel" | "release" = "cancel",
): Promise<BoundedText> {
  const length = declaredLength(message.headers);
  if (length !== undefined && length <= maxBytes && !message.headers.has("content-encoding")) {
    return { ok: true, text: await message.text() };
  }
  return readTextWithin(message.body, maxBytes, pastLimit);
}

/**
 * Reads what is left of a request body that was refused or not wanted, and drops it (bounded, see
 * {@link discardUpTo}), so the answer reaches a client still sending. Left alone: a body already
 * being read elsewhere (locked), a declared length over `maxBytes` (answering at once is cheaper),
 * an untouched body whose client waits for `100 Continue` (it sends nothing unasked).
 */
export async function drainUnreadBody(request: Request, maxBytes = MAX_DRAINED_BYTES): Promise<void> {
  const body = request.body;
  if (!body || body.locked) return;
  const length = declaredLength(request.headers);
  if (length !== undefined && length > maxBytes) return;
  if (!request.bodyUsed && /^\s*100-continue\s*$/i.test(request.headers.get("expect") ?? "")) return;
  await discardUpTo(body, maxBytes);
}
