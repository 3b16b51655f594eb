import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { imageUpdateChanges } from "../../glance/transform/image-metadata";
import { imagePatchOps } from "../../glance/transform/image-patch";
import type { UpdateImageRoute } from "./image-update.routes";

export const updateImage: RouteHandler<UpdateImageRoute, AppEnv> = async (c) => {
  const { image_id } = c.req.valid("param");
  const changes = imageUpdateChanges(c.req.valid("json"));
  const glance = c.get("glance");
  const ops = imagePatchOps(await glance.getImage(image_id), changes);
  if (ops.length > 0) await glance.updateImage(image_id, ops);
  return c.body(null, 204);
};
