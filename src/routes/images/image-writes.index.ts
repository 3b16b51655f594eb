import { createRouter } from "../../lib/create-router";
import * as createHandlers from "./image-create.handlers";
import * as createRoutes from "./image-create.routes";
import * as updateHandlers from "./image-update.handlers";
import * as updateRoutes from "./image-update.routes";

export const imageWritesRouter = createRouter()
  .openapi(createRoutes.createImage, createHandlers.createImage)
  .openapi(createRoutes.createImageWithPut, createHandlers.createImageWithPut)
  .openapi(updateRoutes.updateImage, updateHandlers.updateImage);
