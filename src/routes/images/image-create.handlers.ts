import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { imageLocation, uploadUrl } from "../../glance-endpoint/self-links";
import { createImageFromRequest } from "../../glance/image-create";
import { type CreateImageRequest, isDirectUpload } from "../../glance/transform/image-metadata";
import { toHorizonImage } from "../../glance/transform/images";
import type { CreateImageRoute, CreateImageWithPutRoute } from "./image-create.routes";

export const createImage: RouteHandler<CreateImageRoute, AppEnv> = async (c) => createFromJson(c, c.req.valid("json"));

/** Horizon 23's UI creates with PUT; same contract (a separate handler only because the route types differ by method). */
export const createImageWithPut: RouteHandler<CreateImageWithPutRoute, AppEnv> = async (c) =>
  createFromJson(c, c.req.valid("json"));

/** 201 with the image; in direct mode with `upload_url`, our own file route, so the caller's token stays a header. */
async function createFromJson(c: Context<AppEnv>, request: CreateImageRequest) {
  const image = await createImageFromRequest(c.get("glance"), request, c.get("requestId"));
  const body = toHorizonImage(image, "detail");
  const answer = isDirectUpload(request)
    ? { ...body, upload_url: uploadUrl(c.req.url, image.id, c.get("region")) }
    : body;
  return c.json(answer, 201, { location: imageLocation(image, c.get("region")) });
}
