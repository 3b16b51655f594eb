import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import type { GlanceClient } from "../../glance/client";
import type { GlanceImage } from "../../glance/schemas";
import { bytesToHex, sha512ReprDigest } from "../../glance/transform/image-data";
import { formToCreateRequest } from "../../glance/transform/image-form";
import {
  createImageMetadata,
  type CreateImageRequest,
  type ImageSource,
  isDirectUpload,
  isEmptyData,
} from "../../glance/transform/image-metadata";
import { toHorizonImage } from "../../glance/transform/images";
import { validationProblem } from "../../lib/create-router";
import { drainStream, MAX_DRAINED_BYTES } from "../../lib/bounded-body";
import { log } from "../../lib/logger";
import { MultipartFormError, readStreamedForm, type StreamedFile } from "../../lib/multipart-form";
import { badRequest, invalidInput, ProblemError } from "../../lib/problem";
import { REGION_QUERY_KEY } from "../../lib/region";
import { sha512Tap } from "../../lib/sha512-tap";
import { readBackUploadedImage } from "../../glance/read-back-upload";
import { waitUntilOf } from "../../lib/wait-until";
import type { CreateImageRoute, CreateImageWithPutRoute } from "./image-create.routes";
import { CreateImageBodySchema, FORM_DATA_FIELD, MAX_FORM_FIELD_BYTES } from "./image-create.schemas";

const WEB_DOWNLOAD = "web-download";

export const createImage: RouteHandler<CreateImageRoute, AppEnv> = async (c) => {
  const request = c.req.valid("json");
  const image = await createFromRequest(c, request);
  return c.json(createdImage(c, image, request), 201, { location: imageLocation(image) });
};

/** Horizon 23's UI creates with PUT; same contract (a separate handler only because the route types differ by method). */
export const createImageWithPut: RouteHandler<CreateImageWithPutRoute, AppEnv> = async (c) => {
  const request = c.req.valid("json");
  const image = await createFromRequest(c, request);
  return c.json(createdImage(c, image, request), 201, { location: imageLocation(image) });
};

const imageLocation = (image: GlanceImage) => `/api/glance/images/${encodeURIComponent(image.id)}/`;

/** Direct mode's answer carries where to PUT the data: our own file route, so the caller's token stays a header. */
function createdImage(c: Context<AppEnv>, image: GlanceImage, request: CreateImageRequest) {
  const body = toHorizonImage(image, "detail");
  if (!isDirectUpload(request)) return body;
  return { ...body, upload_url: uploadUrl(c.req.url, image.id, c.get("region")) };
}

/**
 * The absolute URL of `PUT /api/glance/images/{id}/file/` on this API. The region whose Glance
 * created the image (asked for with `?region=` or X-OpenStack-Region, or the default) goes in its
 * query, so the upload reaches that same Glance whatever the uploader's own default.
 */
export function uploadUrl(requestUrl: string, imageId: string, region: string | undefined): string {
  const url = new URL(`/api/glance/images/${encodeURIComponent(imageId)}/file/`, new URL(requestUrl).origin);
  if (region) url.searchParams.set(REGION_QUERY_KEY, region);
  return url.href;
}

async function createFromRequest(c: Context<AppEnv>, request: CreateImageRequest): Promise<GlanceImage> {
  const glance = c.get("glance");
  const plan = createImageMetadata(request);
  if (plan.source.kind === "web-download") await requireImportMethod(glance, WEB_DOWNLOAD);
  const created = await glance.createImage(plan.image);
  return await addImageData(glance, created, plan.source, c.get("requestId"));
}

/**
 * Horizon's legacy create (`multipart/form-data`), served before the route's JSON validator runs:
 * the fields are read and validated as the JSON create's body, then the image is created and the
 * `data` file part streamed to Glance within this request. 201 only once Glance has the data;
 * if the upload fails (or the caller hangs up) the new image is deleted and the real error returned.
 */
export async function createImageFromForm(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c);
  if (!form.file) {
    const image = await createFromRequest(c, formCreateRequest(form.fields, false));
    return c.json(toHorizonImage(image, "detail"), 201, { location: imageLocation(image) });
  }
  let request: CreateImageRequest;
  let data: ReadableStream<Uint8Array> | undefined;
  try {
    request = formCreateRequest(form.fields, true);
    if (request.source_type === "url") {
      throw badRequest(FORM_DATA_FIELD, "a data file part cannot be sent with source_type url; send one or the other");
    }
    data = await withFirstChunk(form.file);
    if (!data)
      throw badRequest(
        FORM_DATA_FIELD,
        "the data file part is empty; send the image's bytes, or no data part for an image without data",
      );
  } catch (error) {
    await discardRest(form.file.stream, data);
    throw error;
  }

  const glance = c.get("glance");
  const created = await glance.createImage(createImageMetadata(request).image);
  // Inside waitUntil, so that a caller who hangs up mid-upload still gets the new image deleted.
  const outcome = uploadOrRollBack(glance, created, data, form.file, c.req.raw.signal, c.get("requestId"));
  waitUntilOf(c)(outcome.catch(() => undefined));
  const { image, sentSha512 } = await outcome;
  return c.json(toHorizonImage(image, "detail"), 201, {
    location: imageLocation(image),
    "repr-digest": sha512ReprDigest(sentSha512),
  });
}

async function readForm(c: Context<AppEnv>) {
  const config = c.get("config");
  try {
    return await readStreamedForm(c.req.raw.body, c.req.raw.headers, {
      fileField: FORM_DATA_FIELD,
      maxFieldBytes: MAX_FORM_FIELD_BYTES,
      maxFileBytes: config.MAX_UPLOAD_BYTES,
    });
  } catch (error) {
    throw error instanceof MultipartFormError ? formProblem(error) : error;
  }
}

function formProblem(error: MultipartFormError): ProblemError {
  if (error.status === 400)
    return badRequest(error.field, error.message, error.field === "content-type" ? "header" : "body");
  return new ProblemError({ code: "content-too-large", status: 413, detail: error.message });
}

/** The form as a validated create body: the JSON create's rules and 400s, each issue naming its field. */
function formCreateRequest(fields: [string, string][], hasFile: boolean): CreateImageRequest {
  const { body, issues } = formToCreateRequest(fields);
  if (issues.length > 0) throw invalidInput(issues.map((issue) => ({ location: "body", ...issue })));
  if (Object.keys(body).length === 0 && hasFile) return {};
  if (Object.keys(body).length === 0) throw badRequest("(root)", "the form has no fields and no data file part");
  if (!isEmptyData(body.data)) {
    throw badRequest(
      FORM_DATA_FIELD,
      "in a multipart form the image data is the data file part; $$originalJSON's data must be empty or absent",
    );
  }
  const parsed = CreateImageBodySchema.safeParse(body);
  if (!parsed.success) throw validationProblem({ target: "form", error: parsed.error });
  return parsed.data as CreateImageRequest;
}

/**
 * Refused before the upload: the rest of the form is read and dropped (bounded), so that the refusal
 * reaches a client still sending (the request body itself is held by the form's parser, so the app's
 * drain of unread bodies cannot do it).
 */
async function discardRest(file: ReadableStream<Uint8Array>, peeked: ReadableStream<Uint8Array> | undefined) {
  const stream = peeked ?? file;
  if (!stream.locked) await drainStream(stream, MAX_DRAINED_BYTES);
}

/** The file's stream, or undefined when the part is empty; the first chunk is read to know. */
async function withFirstChunk(file: StreamedFile): Promise<ReadableStream<Uint8Array> | undefined> {
  const reader = file.stream.getReader();
  let first: ReadableStreamReadResult<Uint8Array>;
  try {
    first = await reader.read();
  } catch (error) {
    const failure = file.failure();
    throw failure ? formProblem(failure) : error;
  }
  if (first.done) return undefined;
  let pending: Uint8Array[] = [first.value];
  let pendingBytes = first.value.byteLength;
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (!ended && pendingBytes < UPLOAD_CHUNK_BYTES) {
          const { done, value } = await reader.read();
          if (done) ended = true;
          else {
            pending.push(value);
            pendingBytes += value.byteLength;
          }
        }
        if (pendingBytes > 0) controller.enqueue(concatenated(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
        if (ended) controller.close();
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * Request bodies arrive in small chunks; every chunk costs a hash update, a timer reset and a
 * write towards Glance, so the data is passed on in chunks of about this size instead.
 */
const UPLOAD_CHUNK_BYTES = 256 * 1024;

function concatenated(chunks: Uint8Array[], bytes: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

async function uploadOrRollBack(
  glance: GlanceClient,
  created: GlanceImage,
  data: ReadableStream<Uint8Array>,
  file: StreamedFile,
  signal: AbortSignal,
  requestId: string,
): Promise<{ image: GlanceImage; sentSha512: string }> {
  try {
    const { tap, digest } = sha512Tap();
    await glance.uploadImageData(created.id, data, undefined, signal, tap);
    const failure = file.failure();
    if (failure) throw failure;
    const sentSha512 = bytesToHex(await digest);
    const image = await readBackUploadedImage(glance, created.id, sentSha512);
    return { image, sentSha512 };
  } catch (error) {
    const failure = file.failure();
    throw await rollBack(glance, created, failure ? formProblem(failure) : error, requestId);
  }
}

async function requireImportMethod(glance: GlanceClient, method: string) {
  const methods = await glance.importMethods();
  if (methods.includes(method)) return;
  const message = `Glance does not offer the ${method} import method (enabled: ${methods.join(", ") || "none"}), so import_data cannot be true; nothing was created`;
  throw badRequest("import_data", message);
}

/** The second step of a URL create; on failure the new image is deleted and Glance's error is rethrown. */
async function addImageData(
  glance: GlanceClient,
  created: GlanceImage,
  source: ImageSource,
  requestId: string,
): Promise<GlanceImage> {
  if (source.kind === "none") return created;
  try {
    if (source.kind === "location") {
      return await glance.updateImage(created.id, [
        { op: "add", path: "/locations/-", value: { url: source.url, metadata: {} } },
      ]);
    }
    await glance.importImage(created.id, { name: WEB_DOWNLOAD, uri: source.uri });
  } catch (error) {
    throw await rollBack(glance, created, error, requestId);
  }
  try {
    return await glance.getImage(created.id);
  } catch {
    // The import is running; the image exists, so a failed re-read must not look like a failed create.
    return created;
  }
}

async function rollBack(
  glance: GlanceClient,
  created: GlanceImage,
  cause: unknown,
  requestId: string,
): Promise<unknown> {
  try {
    if (created.protected === true)
      await glance.updateImage(created.id, [{ op: "replace", path: "/protected", value: false }]);
    await glance.deleteImage(created.id);
    return cause;
  } catch (rollbackError) {
    log("error", "could not delete the image of a failed create", {
      request_id: requestId,
      image_id: created.id,
      error: rollbackError instanceof Error ? rollbackError.message : String(rollbackError),
    });
    if (!(cause instanceof ProblemError)) return cause;
    return new ProblemError({
      ...cause.init,
      detail: `${cause.init.detail} (the image ${created.id} created by this request could not be deleted and remains queued)`,
    });
  }
}
