import { createRouter } from "../../lib/create-router";
import * as handlers from "./image-properties.handlers";
import * as routes from "./image-properties.routes";
import { imageIdNotFound } from "../images/images.schemas";

export const imagePropertiesRouter = createRouter()
  .openapi(routes.getImageProperties, handlers.getImageProperties, imageIdNotFound)
  .openapi(routes.updateImageProperties, handlers.updateImageProperties, imageIdNotFound);
