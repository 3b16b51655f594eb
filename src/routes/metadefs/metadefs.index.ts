import { createRouter } from "../../lib/create-router";
import * as handlers from "./metadefs.handlers";
import * as routes from "./metadefs.routes";

export const metadefsRouter = createRouter()
  .openapi(routes.listNamespaces, handlers.listNamespaces)
  .openapi(routes.listResourceTypes, handlers.listResourceTypes);
