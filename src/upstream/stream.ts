import {
  type UpstreamOptions,
  internalAddressesOf,
  secretsOf,
  statusProblem,
  transportProblem,
} from "./http";

export interface StreamOptions extends Pick<UpstreamOptions, "service" | "baseUrl" | "baseHeaders" | "onCall"> {
  /** How long the transfer may stall (no byte sent, none received, no answer) before it is aborted. */
  idleTimeoutMs: number;
}

export interface StreamRequest {
  method: "GET" | "HEAD" | "PUT";
  path: string;
  headers?: Record<string, string>;
  body?: ReadableStream<Uint8Array>;
  /** Sent as Content-Length (the body is not sent chunked); without it the body goes chunked. */
  contentLength?: number;
  /** The incoming request's signal: a client that hangs up aborts the upstream request at once. */
  signal?: AbortSignal;
  /** Statuses that are answers, not errors (a download's 416 carries Content-Range). */
  acceptStatus?: number[];
}

/** Longest error text read from an upstream error answer; error pages are small, a body may not be. */
const ERROR_TEXT_LIMIT = 64 * 1024;

/** Restarts on every sign of progress; aborts the transfer after `ms` of silence. */
class IdleWatch {
  private readonly controller = new AbortController();

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {
    this.touch();
  }

  get signal() {
    return this.controller.signal;
  }

  get fired() {
    return this.controller.signal.aborted;
  }

  touch() {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.controller.abort(new DOMException(`no progress for ${this.ms} ms`, "TimeoutError")),
      this.ms,
    );
  }

  stop() {
    clearTimeout(this.timer);
  }

  /** A pass-through that counts each chunk as progress. */
  watch(body: ReadableStream<Uint8Array>, onEnd = () => this.touch()): ReadableStream<Uint8Array> {
    return body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => {
          this.touch();
          controller.enqueue(chunk);
        },
        flush: onEnd,
      }),
    );
  }
}

/** A body Glance receives with its Content-Length, never chunked, when the length is known. */
function sized(body: ReadableStream<Uint8Array>, contentLength: number | undefined) {
  if (contentLength === undefined) return body;
  const fixed = new FixedLengthStream(contentLength);
  body.pipeTo(fixed.writable).catch(() => {
    // the fetch sees the same failure on its side of the pipe and reports it
  });
  return fixed.readable;
}

async function readErrorText(response: Response) {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < ERROR_TEXT_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // a truncated error page still says something
  } finally {
    reader.cancel().catch(() => {});
  }
  return text.slice(0, ERROR_TEXT_LIMIT);
}

/**
 * The streaming path for image data, beside the JSON one in http.ts: the body is passed through as
 * a stream and never buffered, there are no retries and no whole-transfer timeout (an image takes
 * as long as it takes) but an idle timeout, and the caller's abort signal reaches Glance. Errors
 * are mapped and redacted as in http.ts. The answer's body (a download) is returned unread,
 * watched by the same idle timeout.
 */
export async function upstreamStream(options: StreamOptions, request: StreamRequest): Promise<Response> {
  const url = `${options.baseUrl}${request.path}`;
  const headers: Record<string, string> = { ...options.baseHeaders, ...request.headers };
  if (request.contentLength !== undefined) headers["content-length"] = String(request.contentLength);
  const idle = new IdleWatch(options.idleTimeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal;
  const body = request.body ? sized(idle.watch(request.body), request.contentLength) : undefined;
  const timing = { service: options.service, timeoutMs: options.idleTimeoutMs };
  const idleDetail = `${options.service} sent or received nothing for ${options.idleTimeoutMs} ms`;
  const secrets = [...secretsOf(headers), ...internalAddressesOf(options.baseUrl)];

  const callEnded = options.onCall?.(options.service);
  let response: Response;
  try {
    response = await fetch(url, { method: request.method, headers, body, signal, redirect: "manual" });
  } catch (error) {
    callEnded?.();
    idle.stop();
    if (request.signal?.aborted) throw transportProblem(timing, request.signal.reason, "The client went away before Glance answered");
    throw transportProblem(timing, idle.fired ? idle.signal.reason : error, idleDetail);
  }
  callEnded?.();
  const accepted = (response.status >= 200 && response.status < 300) || request.acceptStatus?.includes(response.status);
  if (!accepted) {
    idle.touch();
    const text = await readErrorText(response);
    idle.stop();
    throw statusProblem(options, response, text, secrets);
  }
  if (!response.body) {
    idle.stop();
    return response;
  }
  idle.touch();
  const length = response.headers.get("content-length");
  const watched = sized(idle.watch(response.body, () => idle.stop()), length === null ? undefined : Number(length));
  return new Response(watched, { status: response.status, statusText: response.statusText, headers: response.headers });
}
