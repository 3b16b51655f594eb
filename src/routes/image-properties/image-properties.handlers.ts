import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { imagePropertiesChanges } from "../../glance/transform/image-metadata";
import { imagePatchOps } from "../../glance/transform/image-patch";
import { imageProperties } from "../../glance/transform/images";
import type { GetImagePropertiesRoute, UpdateImagePropertiesRoute } from "./image-properties.routes";

export const getImageProperties: RouteHandler<GetImagePropertiesRoute, AppEnv> = async (c) => {
  const { image_id } = c.req.valid("param");
  return c.json(imageProperties(await c.get("glance").getImage(image_id)), 200);
};

export const updateImageProperties: RouteHandler<UpdateImagePropertiesRoute, AppEnv> = async (c) => {
  const { image_id } = c.req.valid("param");
  const { updated, removed } = c.req.valid("json");
  const changes = imagePropertiesChanges(updated, removed);
  const glance = c.get("glance");
  const ops = imagePatchOps(await glance.getImage(image_id), changes);
  if (ops.length > 0) await glance.updateImage(image_id, ops);
  return c.body(null, 204);
};
