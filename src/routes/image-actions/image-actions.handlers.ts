import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { imageLocation } from "../../glance-endpoint/self-links";
import type { GlanceClient } from "../../glance/client";
import type { GlanceImage } from "../../glance/schemas";
import {
  type ImportImageRequest,
  importMethodProblem,
  importNamesStores,
  importRequestIssues,
  importStoresProblem,
  toGlanceImportRequest,
} from "../../glance/transform/image-import";
import { toHorizonImage } from "../../glance/transform/images";
import { toImageTask } from "../../glance/transform/tasks";
import { badRequest, invalidInput, ProblemError } from "../../lib/problem";
import type { ActivationRoute, ImportImageRoute, ListImageTasksRoute } from "./image-actions.routes";

/**
 * Refuses, before the import call, what this deployment cannot do as asked: first a method Glance
 * does not offer (asking for that method's fields would be beside the point), then that method's
 * own fields, then stores Glance does not have.
 */
async function requireImportable(glance: GlanceClient, request: ImportImageRequest) {
  const methodProblem = importMethodProblem(request.method, await glance.importMethods());
  if (methodProblem) throw badRequest("method", methodProblem);
  const issues = importRequestIssues(request);
  if (issues.length > 0) throw invalidInput(issues.map((issue) => ({ location: "body", ...issue })));
  if (!importNamesStores(request)) return;
  const storesProblem = importStoresProblem(
    request,
    (await glance.stores()).map((store) => store.id),
  );
  if (storesProblem) throw badRequest(storesProblem.field, storesProblem.message);
}

/** The image after Glance accepted the import; a failed re-read says the import was accepted all the same. */
async function imageAfterImport(glance: GlanceClient, imageId: string): Promise<GlanceImage> {
  try {
    return await glance.getImage(imageId);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    throw new ProblemError({
      ...error.init,
      detail: `Glance accepted the import (202), but the image could not be read back: ${error.init.detail}. Follow it with GET /api/glance/images/${imageId}/tasks/; do not import again.`,
    });
  }
}

export const importImage: RouteHandler<ImportImageRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  const request = c.req.valid("json") as ImportImageRequest;
  const glance = c.get("glance");
  await requireImportable(glance, request);
  const { method, ...options } = toGlanceImportRequest(request);
  await glance.importImage(imageId, method, options);
  const image = await imageAfterImport(glance, imageId);
  return c.json(toHorizonImage(image, "detail"), 202, { location: imageLocation(image, c.get("region")) });
};

export const listImageTasks: RouteHandler<ListImageTasksRoute, AppEnv> = async (c) => {
  const { image_id: imageId } = c.req.valid("param");
  const tasks = await c.get("glance").listImageTasks(imageId);
  return c.json({ items: tasks.map(toImageTask) }, 200);
};

const changeActivation =
  (action: "deactivate" | "reactivate"): RouteHandler<ActivationRoute, AppEnv> =>
  async (c) => {
    const { image_id: imageId } = c.req.valid("param");
    await c.get("glance").changeImageActivation(imageId, action);
    return c.body(null, 204);
  };

export const deactivateImage = changeActivation("deactivate");
export const reactivateImage = changeActivation("reactivate");
