import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import type { GlanceClient } from "../../glance/client";
import type { GlanceImage } from "../../glance/schemas";
import { createImageMetadata, type CreateImageRequest, type ImageSource } from "../../glance/transform/image-metadata";
import { toHorizonImage } from "../../glance/transform/images";
import { log } from "../../lib/logger";
import { badRequest, ProblemError } from "../../lib/problem";
import type { CreateImageRoute, CreateImageWithPutRoute } from "./image-create.routes";

const WEB_DOWNLOAD = "web-download";

export const createImage: RouteHandler<CreateImageRoute, AppEnv> = async (c) => {
  const image = await createFromRequest(c, c.req.valid("json"));
  return c.json(toHorizonImage(image, "detail"), 201, { location: imageLocation(image) });
};

/** Horizon 23's UI creates with PUT; same contract (a separate handler only because the route types differ by method). */
export const createImageWithPut: RouteHandler<CreateImageWithPutRoute, AppEnv> = async (c) => {
  const image = await createFromRequest(c, c.req.valid("json"));
  return c.json(toHorizonImage(image, "detail"), 201, { location: imageLocation(image) });
};

const imageLocation = (image: GlanceImage) => `/api/glance/images/${encodeURIComponent(image.id)}/`;

async function createFromRequest(c: Context<AppEnv>, request: CreateImageRequest): Promise<GlanceImage> {
  const glance = c.get("glance");
  const plan = createImageMetadata(request);
  if (plan.source.kind === "web-download") await requireImportMethod(glance, WEB_DOWNLOAD);
  const created = await glance.createImage(plan.image);
  return await addImageData(glance, created, plan.source, c.get("requestId"));
}

async function requireImportMethod(glance: GlanceClient, method: string) {
  const methods = await glance.importMethods();
  if (methods.includes(method)) return;
  const message = `Glance does not offer the ${method} import method (enabled: ${methods.join(", ") || "none"}), so import_data cannot be true; nothing was created`;
  throw badRequest("import_data", message);
}

/** The second step of a URL create; on failure the new image is deleted and Glance's error is rethrown. */
async function addImageData(glance: GlanceClient, created: GlanceImage, source: ImageSource, requestId: string): Promise<GlanceImage> {
  if (source.kind === "none") return created;
  try {
    if (source.kind === "location") {
      return await glance.updateImage(created.id, [{ op: "add", path: "/locations/-", value: { url: source.url, metadata: {} } }]);
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

async function rollBack(glance: GlanceClient, created: GlanceImage, cause: unknown, requestId: string): Promise<unknown> {
  try {
    if (created.protected === true) await glance.updateImage(created.id, [{ op: "replace", path: "/protected", value: false }]);
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
