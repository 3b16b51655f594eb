import { createRouter } from "../../lib/create-router";
import * as handlers from "./upload-bytes.handlers";
import * as routes from "./upload-bytes.routes";

export const uploadBytesRouter = createRouter().openapi(routes.getUploadBytes, handlers.getUploadBytes);

uploadBytesRouter.openAPIRegistry.registerPath(routes.headUploadBytes);
