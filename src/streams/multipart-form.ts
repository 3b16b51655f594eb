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
  /** Feeds one request chunk to the parser; false once the request body has ended. */
  const feed = async (): Promise<boolean> => {
    const { done, value } = await reader.read();
    if (value && value.byteLength > 0 && !error) {
      consumedBytes += value.byteLength;
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
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (fileChunks.length === 0 && !fileEnded && !error) {
          if (!(await feed())) break;
        }
        // After the file part only the closing boundary may follow.
        while (fileChunks.length === 0 && fileEnded && !formEnded && !error) {
          if (!(await feed())) break;
        }
        if (error) {
          controller.error(error);
          void reader.cancel(error).catch(() => undefined);
          return;
        }
        for (const chunk of fileChunks.splice(0)) controller.enqueue(chunk);
        if (fileEnded && formEnded) controller.close();
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { fields, file: { filename: info.filename, contentType: info.contentType, stream, failure: () => error } };
}
