import { createRouter } from "../../lib/create-router";
import * as handlers from "./uploads.handlers";
import * as routes from "./uploads.routes";

export const uploadsRouter = createRouter()
  .openapi(routes.uploadOptions, handlers.uploadOptions)
  .openapi(routes.createUpload, handlers.createUpload)
  .openapi(routes.uploadResourceOptions, handlers.uploadResourceOptions)
  .openapi(routes.getUpload, handlers.getUpload)
  .openapi(routes.patchUpload, handlers.patchUpload)
  .openapi(routes.deleteUpload, handlers.deleteUpload)
  .openapi(routes.retryHandoff, handlers.retryHandoff);

uploadsRouter.openAPIRegistry.registerPath(routes.headUpload);
