import { createRouter } from "../../lib/create-router";
import * as handlers from "./image-properties.handlers";
import * as routes from "./image-properties.routes";

export const imagePropertiesRouter = createRouter()
  .openapi(routes.getImageProperties, handlers.getImageProperties)
  .openapi(routes.updateImageProperties, handlers.updateImageProperties);
