import { createRouter } from "../../lib/create-router";
import * as handlers from "./image-actions.handlers";
import * as routes from "./image-actions.routes";
import { imageIdNotFound } from "../images/images.schemas";

export const imageActionsRouter = createRouter()
  .openapi(routes.importImage, handlers.importImage)
  .openapi(routes.listImageTasks, handlers.listImageTasks)
  .openapi(routes.deactivateImage, handlers.deactivateImage, imageIdNotFound)
  .openapi(routes.deactivateImageHorizonPath, handlers.deactivateImage, imageIdNotFound)
  .openapi(routes.reactivateImage, handlers.reactivateImage, imageIdNotFound)
  .openapi(routes.reactivateImageHorizonPath, handlers.reactivateImage, imageIdNotFound);
