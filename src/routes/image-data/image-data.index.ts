import { createRouter } from "../../lib/create-router";
import * as handlers from "./image-data.handlers";
import * as routes from "./image-data.routes";

export const imageDataRouter = createRouter()
  .openapi(routes.uploadImageFile, handlers.uploadImageFile)
  .openapi(routes.downloadImageFile, handlers.downloadImageFile)
  .openapi(routes.stageImageData, handlers.stageImageData);

imageDataRouter.openAPIRegistry.registerPath(routes.headImageFile);
