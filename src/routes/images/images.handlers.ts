import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import type { GlanceClient } from "../../glance/client";
import type { GlanceImage } from "../../glance/schemas";
import { toHorizonImage } from "../../glance/transform/images";
import { toImageListPage } from "../../glance/transform/images-list";
import { refuseUnkeptQueryKeys } from "../../lib/query-keys";
import type { DeleteImageRoute, GetImageRoute, ListImagesRoute } from "./images.routes";
import { glanceListQuery, type ImageListPlan, planImageList } from "./list-query";

/**
 * Collects up to `wanted` images across Glance's pages. Glance's `next` link says whether a page
 * was full, but is not requested as it is: Glance rebuilds it from a dict of the parameters, so
 * repeated `tag`s collapse into the last one, and it repeats the first limit. Each further call is
 * our own query from the last image, asking for the remaining count.
 */
async function collectImages(glance: GlanceClient, plan: ImageListPlan, wanted: number): Promise<GlanceImage[]> {
  const images: GlanceImage[] = [];
  let marker = plan.marker;
  for (;;) {
    const page = await glance.listImages(glanceListQuery(plan, wanted - images.length, marker));
    images.push(...page.images);
    const last = page.images.at(-1);
    if (images.length >= wanted || !page.next || !last) return images.slice(0, wanted);
    marker = last.id;
  }
}

export const listImages: RouteHandler<ListImagesRoute, AppEnv> = async (c) => {
  const config = c.get("config");
  refuseUnkeptQueryKeys(c.req.url);
  const plan = planImageList(c.req.valid("query"), {
    pageSize: config.API_RESULT_PAGE_SIZE,
    resultLimit: config.API_RESULT_LIMIT,
  });
  const images = await collectImages(c.get("glance"), plan, plan.pageSize + 1);
  const page = toImageListPage(images, {
    pageSize: plan.pageSize,
    markerGiven: plan.marker !== undefined,
    reversed: plan.reversed,
  });
  return c.json(page, 200);
};

export const getImage: RouteHandler<GetImageRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  const image = await c.get("glance").getImage(imageId);
  return c.json(toHorizonImage(image, "detail"), 200);
};

export const deleteImage: RouteHandler<DeleteImageRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  await c.get("glance").deleteImage(imageId);
  return c.body(null, 204);
};
