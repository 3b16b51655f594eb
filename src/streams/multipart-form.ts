import * as Multipasta from "multipasta";
import { largeChunkReader } from "./large-chunks";

/** Why a multipart body cannot be used; `status` is the answer it deserves (400 or 413). */
export class MultipartFormError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "MultipartFormError";
  }
}

export interface StreamedFile {
  filename?: string;
  contentType: string;
  /**
   * The part's bytes, read from the request only as they are read from here (no read-ahead
   * beyond one request chunk). Errors with a {@link MultipartFormError} when the rest of the body
   * is malformed or holds another part after the file.
   */
  stream: ReadableStream<Uint8Array>;
  /**
   * Whether the part holds any byte: reads the request until its first file byte or its end. It
   * rejects with the form's problem when the body fails first; {@link stream} is left unread.
   */
  hasBytes: () => Promise<boolean>;
  /** The problem that errored {@link stream}, once it has (a consumer may only see its own error for it). */
  failure: () => MultipartFormError | undefined;
}

export interface StreamedForm {
  /** The text fields in the order sent, repeated names kept. */
  fields: [string, string][];
  /** The file part, when one was sent; it is the last part of the body. */
  file?: StreamedFile;
}

export interface StreamedFormOptions {
  /** The one part name that holds the file. */
  fileField: string;
  /** Cap on everything before the file part (field names, values, part headers). */
  maxFieldBytes: number;
  /** Cap on the file part; 0 means none. */
  maxFileBytes?: number;
}

const MAX_PARTS = 1000;

/** What multipasta reports, as the problem a caller should see. */
function formError(error: Multipasta.MultipartError, fileField: string, maxFieldBytes: number): MultipartFormError {
  switch (error._tag) {
    case "InvalidBoundary":
      return new MultipartFormError(
        400,
        "content-type",
        "the multipart/form-data Content-Type has no boundary parameter",
      );
    case "BadHeaders":
      return new MultipartFormError(400, "(body)", "a part of the form has malformed or oversized headers");
    case "InvalidDisposition":
      return new MultipartFormError(400, "(body)", "a part of the form has no name in its Content-Disposition");
    case "EndNotReached":
      return new MultipartFormError(400, "(body)", "the form ends before its closing boundary");
    case "ReachedLimit":
      if (error.limit === "MaxParts")
        return new MultipartFormError(413, "(body)", `the form has more than ${MAX_PARTS} parts`);
      return new MultipartFormError(
        413,
        "(body)",
        `the form fields before the ${fileField} part exceed ${maxFieldBytes} bytes`,
      );
  }
}

const isFilePart = (fileField: string) => (info: Multipasta.PartInfo) =>
  info.name === fileField && Multipasta.defaultIsFile(info);

/**
 * Reads a multipart/form-data body up to the start of its file part and returns the fields and
 * the file as a lazily read stream: the file is never held in memory, and the request is read
 * only as fast as the file stream is consumed. The file part must be the last part.
 */
export async function readStreamedForm(
  body: ReadableStream<Uint8Array> | null,
  headers: Headers,
  options: StreamedFormOptions,
): Promise<StreamedForm> {
  const { fileField, maxFieldBytes, maxFileBytes = 0 } = options;
  const fields: [string, string][] = [];
  const fileChunks: Uint8Array[] = [];
  let fileInfo: Multipasta.PartInfo | undefined;
  let fileEnded = false;
  let formEnded = false;
  let error: MultipartFormError | undefined;
  let consumedBytes = 0;
  let fileBytes = 0;
  const queuedFileBytes = () => fileChunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const fail = (problem: MultipartFormError) => {
    error ??= problem;
  };

  const parser = Multipasta.make({
    headers: Object.fromEntries(headers),
    isFile: isFilePart(fileField),
    maxParts: MAX_PARTS,
    maxFieldSize: maxFieldBytes,
    onField(info, value) {
      if (fileInfo) {
        fail(
          new MultipartFormError(
            400,
            info.name,
            `the ${fileField} file part must be the last part of the form; ${info.name} follows it`,
          ),
        );
        return;
      }
      if (info.name === fileField) {
        fail(
          new MultipartFormError(
            400,
            fileField,
            `${fileField} must be a file part (with a filename, or Content-Type application/octet-stream)`,
          ),
        );
        return;
      }
      fields.push([info.name, Multipasta.decodeField(info, value)]);
    },
    onFile(info) {
      if (fileInfo) {
        fail(new MultipartFormError(400, info.name, `the form has more than one ${fileField} file part`));
        return () => undefined;
      }
      fileInfo = info;
      return (chunk) => {
        if (chunk === null) fileEnded = true;
        else if (!fileEnded && chunk.byteLength > 0) {
          fileBytes += chunk.byteLength;
          if (maxFileBytes > 0 && fileBytes > maxFileBytes) {
            fail(
              new MultipartFormError(
                413,
                fileField,
                `the ${fileField} file is larger than this API accepts (MAX_UPLOAD_BYTES = ${maxFileBytes})`,
              ),
            );
          } else fileChunks.push(chunk);
        }
      };
    },
    onError: (problem) => fail(formError(problem, fileField, maxFieldBytes)),
    onDone() {
      formEnded = true;
    },
  });

  if (!body) throw new MultipartFormError(400, "(body)", "the request has no body");
  const reader = largeChunkReader(body);
  /** Runs the parser; what it throws (multipasta decodes `filename*` with decodeURIComponent) is the form's fault. */
  const parse = (step: () => void) => {
    try {
      step();
    } catch (cause) {
      fail(
        new MultipartFormError(
          400,
          "(body)",
          cause instanceof URIError
            ? "a part of the form has a malformed filename* parameter (RFC 8187 percent-encoding)"
            : "a part of the form could not be parsed",
        ),
      );
    }
  };
  // Inside the file part the request is read into two buffers in turn: the one of the read before
  // last is free again once the last write began inside the file part (multipasta keeps only a
  // piece of the last chunk for a boundary match, and copies it at the next write) and every file
  // byte queued has been copied out (the file stream copies, and reads only when the queue is empty).
  let lastBuffer: ArrayBuffer | undefined;
  let bufferBeforeLast: ArrayBuffer | undefined;
  let lastWriteInFile = false;
  /** Feeds one request chunk to the parser; false once the request body has ended. */
  const feed = async (): Promise<boolean> => {
    const spare = lastWriteInFile && fileChunks.length === 0 ? bufferBeforeLast : undefined;
    bufferBeforeLast = undefined;
    const { done, value } = await reader.read(spare);
    if (value && value.byteLength > 0 && !error) {
      consumedBytes += value.byteLength;
      lastWriteInFile = fileInfo !== undefined && !fileEnded;
      bufferBeforeLast = lastBuffer;
      lastBuffer = value.buffer as ArrayBuffer;
      parse(() => parser.write(value));
    }
    if (done) {
      if (!formEnded && !error) parse(() => parser.end());
      if (!formEnded) fail(new MultipartFormError(400, "(body)", "the form ends before its closing boundary"));
      return false;
    }
    return true;
  };

  try {
    while (!fileInfo && !formEnded && !error) {
      if (!(await feed())) break;
      // The chunk that starts the file may already carry file bytes; they are not part of the head.
      if (consumedBytes - queuedFileBytes() > maxFieldBytes) {
        fail(
          new MultipartFormError(
            413,
            "(body)",
            `the form fields before the ${fileField} part exceed ${maxFieldBytes} bytes`,
          ),
        );
      }
    }
  } catch (cause) {
    void reader.cancel(cause).catch(() => undefined);
    throw cause;
  }
  if (error) {
    void reader.cancel(error).catch(() => undefined);
    throw error;
  }
  if (!fileInfo) return { fields };

  const info = fileInfo;
  /** Reads on until a file byte is queued, or the part, then the form, has ended; the problem, if any. */
  const fileBytesQueued = async (): Promise<MultipartFormError | undefined> => {
    while (fileChunks.length === 0 && !fileEnded && !error) {
      if (!(await feed())) break;
    }
    // After the file part only the closing boundary may follow.
    while (fileChunks.length === 0 && fileEnded && !formEnded && !error) {
      if (!(await feed())) break;
    }
    return error;
  };
  /** Moves queued file bytes into `target`; how many. */
  const copyQueued = (target: Uint8Array): number => {
    let filled = 0;
    while (fileChunks.length > 0 && filled < target.byteLength) {
      const chunk = fileChunks[0];
      const taken = Math.min(chunk.byteLength, target.byteLength - filled);
      target.set(taken === chunk.byteLength ? chunk : chunk.subarray(0, taken), filled);
      filled += taken;
      if (taken === chunk.byteLength) fileChunks.shift();
      else fileChunks[0] = chunk.subarray(taken);
    }
    return filled;
  };
  // A byte stream: a BYOB reader (the upload pump, with its one reused buffer) gets the file's bytes
  // copied into its own buffer, at most one request chunk's worth per pull (a readAtLeast pulls
  // again until it has its minimum), so neither side allocates per chunk. A default reader gets
  // copies of the parser's pieces.
  const stream = new ReadableStream(
    {
      type: "bytes",
      async pull(controller) {
        const problem = await fileBytesQueued();
        if (problem) {
          controller.error(problem);
          void reader.cancel(problem).catch(() => undefined);
          return;
        }
        const request = controller.byobRequest;
        const view = request?.view;
        let filled = 0;
        if (view) {
          filled = copyQueued(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
          if (filled > 0) request.respond(filled);
        } else {
          for (const chunk of fileChunks.splice(0)) controller.enqueue(chunk.slice());
        }
        if (fileEnded && formEnded && fileChunks.length === 0) {
          controller.close();
          if (view && filled === 0) request.respond(0);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const hasBytes = async () => {
    const problem = await fileBytesQueued();
    if (problem) {
      void reader.cancel(problem).catch(() => undefined);
      throw problem;
    }
    return fileChunks.length > 0;
  };
  return {
    fields,
    file: { filename: info.filename, contentType: info.contentType, stream, hasBytes, failure: () => error },
  };
}
