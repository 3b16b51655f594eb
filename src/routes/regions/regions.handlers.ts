import type { RouteHandler } from "@hono/zod-openapi";
import { tokenImageEndpoints } from "../../glance-endpoint/token-catalog";
import type { AppEnv } from "../../env";
import { defaultRegionOf } from "../../glance-endpoint/region";
import { waitUntilOf } from "../../lib/wait-until";
import type { ListRegionsRoute } from "./regions.routes";
import type { RegionList } from "./regions.schemas";

export const listRegions: RouteHandler<ListRegionsRoute, AppEnv> = async (c) => {
  const config = c.get("config");
  const keystone = c.get("keystone");
  let answer: RegionList;
  if (config.GLANCE_URL || !keystone || !config.KEYSTONE_URL) {
    const region = config.DEFAULT_REGION;
    answer = { items: region ? [{ region, default: true }] : [], default_region: region ?? null, source: "GLANCE_URL" };
  } else {
    const endpoints = await tokenImageEndpoints({
      keystone,
      keystoneUrl: config.KEYSTONE_URL,
      token: c.get("token") ?? "",
      endpointInterface: config.GLANCE_INTERFACE,
      ttlSeconds: config.TOKEN_VERDICT_TTL,
      waitUntil: waitUntilOf(c),
      requestId: c.get("requestId"),
    });
    const defaultRegion = defaultRegionOf(endpoints, config.DEFAULT_REGION);
    answer = {
      items: endpoints.map(({ region }) => ({ region, default: region === defaultRegion })),
      default_region: defaultRegion ?? null,
      source: "catalog",
    };
  }
  return c.json(answer, 200);
};
