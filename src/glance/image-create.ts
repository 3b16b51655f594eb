import { log } from "../lib/logger";
import { badRequest, ProblemError } from "../lib/problem";
import type { GlanceClient } from "./client";
import type { GlanceImage } from "./schemas";
import { createImageMetadata, type CreateImageRequest, type ImageSource } from "./transform/image-metadata";

const WEB_DOWNLOAD = "web-download";

/**
 * A create in Glance's steps: `POST /v2/images`, then the source's second step (a location, or a
 * `web-download` import, refused before anything is created when Glance does not offer it). A
 * failed second step deletes the new image and rethrows Glance's error.
 */
export async function createImageFromRequest(
  glance: GlanceClient,
  request: CreateImageRequest,
  requestId: string,
): Promise<GlanceImage> {
  const plan = createImageMetadata(request);
  if (plan.source.kind === "web-download") await requireImportMethod(glance, WEB_DOWNLOAD);
  const created = await glance.createImage(plan.image);
  return await addImageData(glance, created, plan.source, requestId);
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

/**
 * Deletes the image a failed create made (clearing `protected` first) and returns the error to
 * throw: `cause`, or, when the image could not be deleted, `cause` saying so.
 */
export async function rollBack(
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
