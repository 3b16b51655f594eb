import { createRouter } from "../../lib/create-router";
import * as handlers from "./image-actions.handlers";
import * as routes from "./image-actions.routes";

export const imageActionsRouter = createRouter()
  .openapi(routes.importImage, handlers.importImage)
  .openapi(routes.listImageTasks, handlers.listImageTasks)
  .openapi(routes.deactivateImage, handlers.deactivateImage)
  .openapi(routes.deactivateImageHorizonPath, handlers.deactivateImage)
  .openapi(routes.reactivateImage, handlers.reactivateImage)
  .openapi(routes.reactivateImageHorizonPath, handlers.reactivateImage);
