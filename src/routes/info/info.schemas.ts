import { z } from "@hono/zod-openapi";

export const ImportMethodsSchema = z
  .object({
    import_methods: z.array(z.string()).openapi({
      description:
        "The methods `POST /api/glance/images/{image_id}/import/` accepts here; empty when Glance's interoperable import is off",
      example: ["glance-direct", "web-download", "copy-image"],
    }),
  })
  .openapi("ImportMethods", { description: "The interoperable import methods Glance offers" });

export const StoreSchema = z
  .object({
    id: z.string().openapi({ description: "The store id, for `stores` in an import", example: "fast" }),
    description: z
      .string()
      .openapi({ description: "The operator's description; empty when none", example: "Fast access to rbd store" }),
    default: z.boolean().openapi({ description: "Where data goes when no store is named", example: true }),
    read_only: z.boolean().openapi({
      description: "A store data can be read from but not written to (Glance's `read-only`)",
      example: false,
    }),
  })
  .openapi("Store");

export const StoresSchema = z
  .object({
    stores: z
      .array(StoreSchema)
      .openapi({ description: "Glance's stores; empty when Glance has a single store (no multi-store backends)" }),
  })
  .openapi("Stores", { description: "The storage backends of a multi-store Glance" });

const QuotaSchema = z
  .object({
    limit: z.number().openapi({ description: "The limit; -1 is none", example: 1024 }),
    usage: z.number().openapi({ description: "What the project uses now", example: 256 }),
  })
  .loose()
  .openapi("QuotaUsage");

export const UsageSchema = z
  .object({
    usage: z.record(z.string(), QuotaSchema).openapi({
      description:
        "Per resource: `image_size_total` and `image_stage_total` (MiB), `image_count_total`, `image_count_uploading`. Empty when Glance does not enforce Keystone unified limits (`use_keystone_limits`).",
      example: {
        image_size_total: { limit: 1024, usage: 256 },
        image_count_total: { limit: 10, usage: 2 },
        image_stage_total: { limit: 512, usage: 0 },
        image_count_uploading: { limit: 2, usage: 0 },
      },
    }),
  })
  .openapi("Usage", { description: "The caller's project quota usage, as Glance reports it" });
