import { createRouter } from "../../lib/create-router";
import * as handlers from "./version.handlers";
import * as routes from "./version.routes";

export const versionRouter = createRouter().openapi(routes.getVersion, handlers.getVersion);
