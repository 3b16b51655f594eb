import { z } from "@hono/zod-openapi";

export const GlanceVersionSchema = z
  .object({
    version: z
      .string()
      .openapi({ description: "Major version of Glance's CURRENT API, as Horizon returns it", example: "2" }),
    current_version: z.string().openapi({ description: "Major.minor of Glance's CURRENT API", example: "2.15" }),
  })
  .openapi("GlanceVersion");

/** The lookup takes no query; a key sent anyway is refused rather than silently ignored. */
export const VersionQuerySchema = z.strictObject({});
