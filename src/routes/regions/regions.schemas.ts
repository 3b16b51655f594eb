import { z } from "@hono/zod-openapi";

export const RegionSchema = z
  .object({
    region: z.string().openapi({ description: "Region id, as in Keystone's catalog", example: "RegionTwo" }),
    default: z.boolean().openapi({
      description: "Whether a request that names no region is served by this region's Glance",
      example: false,
    }),
  })
  .openapi("Region");

export const RegionListSchema = z
  .object({
    items: z.array(RegionSchema).openapi({ description: "The regions with an image endpoint for this token, by id" }),
    default_region: z.string().nullable().openapi({
      description:
        "The region a request without a region choice goes to; null when it must choose (several regions, no usable DEFAULT_REGION)",
      example: "RegionOne",
    }),
    source: z.enum(["catalog", "GLANCE_URL"]).openapi({
      description:
        "`catalog`: Glance is found in the caller's Keystone catalog; `GLANCE_URL`: one fixed Glance (listed only when DEFAULT_REGION names it)",
      example: "catalog",
    }),
  })
  .openapi("RegionList");

export type RegionList = z.infer<typeof RegionListSchema>;
