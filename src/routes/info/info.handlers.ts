import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { toStoreInfo } from "../../glance/transform/info";
import type { GetImportMethodsRoute, GetStoresRoute, GetUsageRoute } from "./info.routes";

export const getImportMethods: RouteHandler<GetImportMethodsRoute, AppEnv> = async (c) => {
  return c.json({ import_methods: await c.get("glance").importMethods() }, 200);
};

export const getStores: RouteHandler<GetStoresRoute, AppEnv> = async (c) => {
  const stores = await c.get("glance").stores();
  return c.json({ stores: stores.map(toStoreInfo) }, 200);
};

export const getUsage: RouteHandler<GetUsageRoute, AppEnv> = async (c) => {
  const { usage } = await c.get("glance").usage();
  return c.json({ usage }, 200);
};
