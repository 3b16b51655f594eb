import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { defaultRegionOf } from "../../glance-endpoint/region";
import { catalogImageEndpoints } from "../../glance-endpoint/token-lookup";
import type { ListRegionsRoute } from "./regions.routes";
import type { RegionList } from "./regions.schemas";

export const listRegions: RouteHandler<ListRegionsRoute, AppEnv> = async (c) => {
  const config = c.get("config");
  let answer: RegionList;
  if (config.GLANCE_URL || !config.KEYSTONE_URL) {
    const region = config.DEFAULT_REGION;
    answer = { items: region ? [{ region, default: true }] : [], default_region: region ?? null, source: "GLANCE_URL" };
  } else {
    const endpoints = await catalogImageEndpoints(c);
    const defaultRegion = defaultRegionOf(endpoints, config.DEFAULT_REGION);
    answer = {
      items: endpoints.map(({ region }) => ({ region, default: region === defaultRegion })),
      default_region: defaultRegion ?? null,
      source: "catalog",
    };
  }
  return c.json(answer, 200);
};
