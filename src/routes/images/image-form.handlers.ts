import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { imageLocation } from "../../glance-endpoint/self-links";
import { createImageFromRequest, rollBack } from "../../glance/image-create";
import { checkedUploadHeaders, inspectionLogOf, sendImageData, uploadChecksFor } from "../../glance/image-upload";
import type { GlanceImage } from "../../glance/schemas";
import { createImageMetadata } from "../../glance/transform/image-metadata";
import { toHorizonImage } from "../../glance/transform/images";
import { ProblemError } from "../../lib/problem";
import { waitUntilOf } from "../../lib/wait-until";
import type { UploadChecks } from "../../streams/upload-checks";
import { type CreateForm, readCreateForm } from "./read-create-form";

const MULTIPART_FORM_DATA = /^multipart\/form-data\s*(;|$)/i;
const URLENCODED_FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * Route middleware of the POST create: a multipart body is Horizon's legacy upload, answered here
 * with the body read as a stream, before the route's body validator (which would read the whole
 * form into memory) could run.
 */
export const legacyUploadForm = createMiddleware<AppEnv>(async (c, next) => {
  const contentType = c.req.header("content-type") ?? "";
  if (MULTIPART_FORM_DATA.test(contentType)) return createImageFromForm(c);
  // The validators' media-type gate treats every form type alike; a urlencoded form cannot carry the file.
  if (URLENCODED_FORM.test(contentType)) {
    throw new ProblemError({
      code: "unsupported-media-type",
      status: 415,
      detail: "The request body must be application/json or multipart/form-data",
    });
  }
  return next();
});

/**
 * Horizon's legacy create (`multipart/form-data`): the image is created and the `data` file part
 * streamed to Glance within this request. 201 only once Glance has the data; if the upload fails
 * (or the caller hangs up) the new image is deleted and the real error returned.
 */
async function createImageFromForm(c: Context<AppEnv>): Promise<Response> {
  const form = await readCreateForm(c);
  const glance = c.get("glance");
  if (!form.data) {
    const image = await createImageFromRequest(glance, form.request, c.get("requestId"));
    return c.json(toHorizonImage(image, "detail"), 201, { location: imageLocation(image, c.get("region")) });
  }
  // Registered before Glance's create: a caller who hangs up at any point from here on, during the
  // create included, ends this invocation, and only waitUntil work still deletes the new image.
  const upload: { checks?: UploadChecks } = {};
  const outcome = createAndUpload(c, form.data, form, upload);
  waitUntilOf(c)(outcome.catch(() => undefined));
  let image: GlanceImage;
  try {
    image = await outcome;
  } catch (error) {
    if (upload.checks) c.set("imageFormat", inspectionLogOf(upload.checks, error));
    throw error;
  }
  const checks = upload.checks!;
  c.set("imageFormat", inspectionLogOf(checks));
  return c.json(toHorizonImage(image, "detail"), 201, {
    location: imageLocation(image, c.get("region")),
    ...checkedUploadHeaders(checks),
  });
}

/**
 * Creates the image, then sends the file part to Glance (chunked: a part has no length) through
 * the upload's checks, kept in `upload` for the answer and the log; any failure (the form's own
 * first, a caller already gone included) deletes the image.
 */
async function createAndUpload(
  c: Context<AppEnv>,
  data: ReadableStream<Uint8Array>,
  { request, formFailure }: CreateForm,
  upload: { checks?: UploadChecks },
): Promise<GlanceImage> {
  const glance = c.get("glance");
  const config = c.get("config");
  const created = await glance.createImage(createImageMetadata(request).image);
  try {
    // The form's digest headers would describe the whole multipart body, not the file: only the format is checked.
    const checks = uploadChecksFor(config.FORMAT_INSPECTION === "off" ? undefined : created, [], config);
    upload.checks = checks;
    return await sendImageData(glance, created.id, "file", { body: data, signal: c.req.raw.signal }, checks, () => {
      const failure = formFailure();
      if (failure) throw failure;
    });
  } catch (error) {
    throw await rollBack(glance, created, formFailure() ?? error, c.get("requestId"));
  }
}
