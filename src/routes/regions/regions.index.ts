import { createRouter } from "../../lib/create-router";
import * as handlers from "./regions.handlers";
import * as routes from "./regions.routes";

export const regionsRouter = createRouter().openapi(routes.listRegions, handlers.listRegions);
