import { z } from "zod";

/**
 * A Glance record checked for the one key we rely on and passed on as it is: a loose zod object
 * copied every key of every image on each answer (without the copy, the 20-image list costs
 * workerd 0.907x the CPU: bench/README.md).
 */
const recordWithString = <K extends string>(key: K) =>
  z.custom<Record<K, string> & Record<string, unknown>>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      typeof (value as Record<string, unknown>)[key] === "string",
    { message: `expected an object with a string ${key}` },
  );

/** What Glance sends back, checked loosely: the fields we rely on, everything else kept. */
export const GlanceImageSchema = recordWithString("id");
export type GlanceImage = z.infer<typeof GlanceImageSchema>;

export const GlanceImageListSchema = z.object({
  images: z.array(GlanceImageSchema),
  next: z.string().optional(),
});

export const GlanceVersionsSchema = z.object({
  versions: z.array(z.object({ id: z.string(), status: z.string() }).loose()),
});
export type GlanceVersions = z.infer<typeof GlanceVersionsSchema>;

export const GlanceImportInfoSchema = z.object({
  "import-methods": z.object({ value: z.array(z.string()) }).loose(),
});

/** Glance's `{usage, limit}` per resource; `image_size_total` and `image_stage_total` count MiB, a limit of -1 is none. */
export const GlanceUsageSchema = z.object({
  usage: z.record(z.string(), z.object({ usage: z.number(), limit: z.number() }).loose()).default({}),
});
export type GlanceUsage = z.infer<typeof GlanceUsageSchema>;

export const GlanceTaskSchema = recordWithString("id");
export type GlanceTask = z.infer<typeof GlanceTaskSchema>;

export const GlanceImageTasksSchema = z.object({ tasks: z.array(GlanceTaskSchema) });

export const GlanceStoresInfoSchema = z.object({
  stores: z.array(
    z.object({ id: z.string(), description: z.string().optional(), default: z.boolean().optional() }).loose(),
  ),
});
export type GlanceStore = z.infer<typeof GlanceStoresInfoSchema>["stores"][number];

export const GlanceNamespaceSchema = recordWithString("namespace");
export type GlanceNamespace = z.infer<typeof GlanceNamespaceSchema>;

export const GlanceNamespaceListSchema = z.object({
  namespaces: z.array(GlanceNamespaceSchema),
  next: z.string().optional(),
});

export const GlanceResourceTypeListSchema = z.object({
  resource_types: z.array(z.object({ name: z.string() }).loose()),
});

export interface JsonPatchOp {
  op: "add" | "replace" | "remove";
  path: string;
  value?: unknown;
}
