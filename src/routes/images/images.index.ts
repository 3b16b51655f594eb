import { createRouter } from "../../lib/create-router";
import * as handlers from "./images.handlers";
import * as routes from "./images.routes";
import { imageIdNotFound } from "./images.schemas";

export const imagesRouter = createRouter()
  .openapi(routes.listImages, handlers.listImages)
  .openapi(routes.getImage, handlers.getImage, imageIdNotFound)
  .openapi(routes.deleteImage, handlers.deleteImage, imageIdNotFound);
