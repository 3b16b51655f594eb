import { createRouter } from "../../lib/create-router";
import * as createHandlers from "./image-create.handlers";
import * as createRoutes from "./image-create.routes";
import { legacyUploadForm } from "./image-form.handlers";
import { CreateImageFormSchema } from "./image-form.schemas";
import * as updateHandlers from "./image-update.handlers";
import * as updateRoutes from "./image-update.routes";
import { imageIdNotFound } from "./images.schemas";

const createImageWithForm = {
  ...createRoutes.createImage,
  middleware: [...createRoutes.createImage.middleware, legacyUploadForm],
};

export const imageWritesRouter = createRouter()
  .openapi(createImageWithForm, createHandlers.createImage)
  .openapi(createRoutes.createImageWithPut, createHandlers.createImageWithPut)
  .openapi(updateRoutes.updateImage, updateHandlers.updateImage, imageIdNotFound);

imageWritesRouter.openAPIRegistry.register(createRoutes.CREATE_IMAGE_FORM_REF, CreateImageFormSchema);
