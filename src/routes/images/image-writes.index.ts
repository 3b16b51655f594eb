import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { createRouter } from "../../lib/create-router";
import { ProblemError } from "../../lib/problem";
import * as createHandlers from "./image-create.handlers";
import * as createRoutes from "./image-create.routes";
import { CreateImageFormSchema } from "./image-write.schemas";
import * as updateHandlers from "./image-update.handlers";
import * as updateRoutes from "./image-update.routes";

const MULTIPART_FORM_DATA = /^multipart\/form-data\s*(;|$)/i;
const URLENCODED_FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * A multipart POST is Horizon's legacy upload: its own handler reads the body as a stream, before
 * the route's body validator (which would read the whole form into memory) could run.
 */
const legacyUploadForm = createMiddleware<AppEnv>(async (c, next) => {
  const contentType = c.req.header("content-type") ?? "";
  if (MULTIPART_FORM_DATA.test(contentType)) return createHandlers.createImageFromForm(c);
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

const createImageWithForm = {
  ...createRoutes.createImage,
  middleware: [...createRoutes.createImage.middleware, legacyUploadForm],
};

export const imageWritesRouter = createRouter()
  .openapi(createImageWithForm, createHandlers.createImage)
  .openapi(createRoutes.createImageWithPut, createHandlers.createImageWithPut)
  .openapi(updateRoutes.updateImage, updateHandlers.updateImage);

imageWritesRouter.openAPIRegistry.register(createRoutes.CREATE_IMAGE_FORM_REF, CreateImageFormSchema);
