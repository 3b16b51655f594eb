import { z } from "zod";

/** The part of a Keystone v3 token document's `catalog` the API reads. */
export const CatalogSchema = z.array(
  z
    .object({
      type: z.string(),
      endpoints: z.array(
        z
          .object({
            interface: z.string(),
            url: z.string(),
            region_id: z.string().nullish(),
            region: z.string().nullish(),
          })
          .loose(),
      ),
    })
    .loose(),
);

export type Catalog = z.infer<typeof CatalogSchema>;

export interface RegionEndpoint {
  region: string;
  url: string;
}

export const IMAGE_SERVICE_TYPE = "image";

/**
 * The `image` endpoints of one interface, one per region (the first Keystone lists wins), in
 * region order. An endpoint without a region cannot be chosen by region and is left out.
 */
export function imageEndpoints(catalog: Catalog, endpointInterface: string): RegionEndpoint[] {
  const byRegion = new Map<string, string>();
  for (const service of catalog) {
    if (service.type !== IMAGE_SERVICE_TYPE) continue;
    for (const endpoint of service.endpoints) {
      const region = endpoint.region_id ?? endpoint.region;
      if (endpoint.interface !== endpointInterface || !region || byRegion.has(region)) continue;
      byRegion.set(region, endpoint.url.replace(/\/+$/, ""));
    }
  }
  return [...byRegion].map(([region, url]) => ({ region, url })).sort((a, b) => a.region.localeCompare(b.region));
}
