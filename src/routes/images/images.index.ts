import { createRouter } from "../../lib/create-router";
import * as handlers from "./images.handlers";
import * as routes from "./images.routes";

export const imagesRouter = createRouter()
  .openapi(routes.listImages, handlers.listImages)
  .openapi(routes.getImage, handlers.getImage)
  .openapi(routes.deleteImage, handlers.deleteImage);
