import { createRouter } from "../../lib/create-router";
import * as handlers from "./info.handlers";
import * as routes from "./info.routes";

export const infoRouter = createRouter()
  .openapi(routes.getImportMethods, handlers.getImportMethods)
  .openapi(routes.getStores, handlers.getStores)
  .openapi(routes.getUsage, handlers.getUsage);
