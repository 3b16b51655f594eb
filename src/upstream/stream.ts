import { ProblemError } from "../lib/problem";
import { type ChunkTap, pumpLargeChunks } from "../streams/large-chunks";
import { type UpstreamOptions, internalAddressesOf, secretsOf, statusProblem, transportProblem } from "./http";

export interface StreamOptions extends Pick<UpstreamOptions, "service" | "baseUrl" | "baseHeaders" | "onCall"> {
  /** How long a call may stall (no byte of the body taken, no answer from the service) before it is aborted. */
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
  /** Sees every chunk of the body on its way to Glance (in the same pass as the idle timer), then its end. */
  tap?: ChunkTap;
}

/** Longest error text read from an upstream error answer; error pages are small, a body may not be. */
const ERROR_TEXT_LIMIT = 64 * 1024;

/** Restarts on every sign of progress; aborts the transfer after `ms` of silence. */
class IdleWatch {
  private readonly controller = new AbortController();

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Whether the body's next chunk is awaited from its source (the client), rather than Glance awaited. */
  private waitingOnSource = false;

  /** Set when the watch fired while the client, not Glance, was the one not moving. */
  stalledOnClient = false;

  constructor(private readonly ms: number) {
    this.touch();
  }

  get signal() {
    return this.controller.signal;
  }

  get fired() {
    return this.controller.signal.aborted;
  }

  /** What the tap threw (a check that refused the data), which aborted the body: the reason the call failed. */
  tapFailure: unknown;

  /** Set when the body's source broke off (a client that hung up, a form cut short): the call was aborted for it. */
  bodyBrokeOff = false;

  /**
   * Ends the call because its body failed: the tap refused the data (after the body's rest was
   * dropped), or the source broke off. Ending the body instead would end a chunked upload cleanly,
   * and Glance would keep the bytes so far as the whole image.
   */
  abortCall() {
    this.stop();
    if (this.tapFailure === undefined) this.bodyBrokeOff = true;
    this.controller.abort();
  }

  touch() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.stalledOnClient = this.waitingOnSource;
      this.controller.abort(new DOMException(`no progress for ${this.ms} ms`, "TimeoutError"));
    }, this.ms);
  }

  stop() {
    clearTimeout(this.timer);
  }

  /** The body as Glance receives it: each chunk counts as progress and is shown to the tap. */
  watch(
    body: ReadableStream<Uint8Array>,
    contentLength: number | undefined,
    tap?: ChunkTap,
  ): ReadableStream<Uint8Array> {
    const recorded = async (step: () => void | Promise<void>) => {
      try {
        await step();
      } catch (error) {
        this.tapFailure ??= error;
        throw error;
      }
    };
    return pumpLargeChunks(
      body,
      contentLength,
      {
        reading: () => {
          this.waitingOnSource = true;
        },
        chunk: (chunk) => {
          this.waitingOnSource = false;
          this.touch();
          return tap && recorded(() => tap.chunk(chunk));
        },
        end: () => {
          this.waitingOnSource = false;
          this.touch();
          return tap && recorded(() => tap.end());
        },
      },
      () => this.abortCall(),
    );
  }
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
 * as long as it takes) but an idle timeout (the body stalling, or Glance not answering), and the
 * caller's abort signal reaches Glance, during the answer's body too. Errors are mapped and
 * redacted as in http.ts. The answer's body (a download) is returned unread.
 */
export async function upstreamStream(options: StreamOptions, request: StreamRequest): Promise<Response> {
  const url = `${options.baseUrl}${request.path}`;
  const headers: Record<string, string> = { ...options.baseHeaders, ...request.headers };
  if (request.contentLength !== undefined) headers["content-length"] = String(request.contentLength);
  const idle = new IdleWatch(options.idleTimeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal;
  const body = request.body ? idle.watch(request.body, request.contentLength, request.tap) : undefined;
  const timing = { service: options.service, timeoutMs: options.idleTimeoutMs };
  const idleDetail = `${options.service} sent or received nothing for ${options.idleTimeoutMs} ms`;

  const clientGone = () =>
    transportProblem(timing, request.signal?.reason, "The client went away before Glance answered");
  // A caller who has already gone gets nothing sent on its behalf.
  if (request.signal?.aborted) {
    idle.stop();
    await body?.cancel(request.signal.reason).catch(() => undefined);
    throw clientGone();
  }

  const callEnded = options.onCall?.(options.service);
  let response: Response;
  try {
    response = await fetch(url, { method: request.method, headers, body, signal, redirect: "manual" });
  } catch (error) {
    callEnded?.();
    idle.stop();
    if (idle.tapFailure !== undefined) throw idle.tapFailure;
    if (idle.bodyBrokeOff)
      throw new ProblemError({
        code: "bad-gateway",
        status: 502,
        detail: `The request body broke off before ${options.service} had all of it; the upload was aborted`,
      });
    if (request.signal?.aborted) throw clientGone();
    if (idle.fired && idle.stalledOnClient) {
      throw new ProblemError({
        code: "request-timeout",
        status: 408,
        detail: `The client sent no image data for ${options.idleTimeoutMs} ms, so the upload was aborted (Glance keeps nothing of it)`,
      });
    }
    throw transportProblem(timing, idle.fired ? idle.signal.reason : error, idleDetail);
  }
  callEnded?.();
  if (idle.tapFailure !== undefined) {
    idle.stop();
    await response.body?.cancel();
    throw idle.tapFailure;
  }
  if (response.status < 200 || response.status >= 300) {
    idle.touch();
    const text = await readErrorText(response);
    idle.stop();
    throw statusProblem(options, response, text, [...secretsOf(headers), ...internalAddressesOf(options.baseUrl)]);
  }
  // A download's body is handed on untouched: workerd then pumps it natively (a JS pass-through
  // per chunk cost three quarters of the throughput), so the idle timeout ends with Glance's answer.
  idle.stop();
  return response;
}
