import { z } from "@hono/zod-openapi";

export const SORT_DIRECTIONS = ["asc", "desc"] as const;

/** `true|false|1|0` in any case (Horizon treats the string "false" as true). */
export const QueryBoolean = z
  .string()
  .regex(/^(true|false|1|0)$/i, "must be true, false, 1 or 0")
  .transform((value) => /^(true|1)$/i.test(value));

export interface PageFlags {
  has_more_data: boolean;
  has_prev_data: boolean;
}

/**
 * Horizon's page cut: ask for pageSize+1, keep pageSize; the extra one proves a next page.
 * `has_prev_data` is true when a marker was given (Horizon's meaning).
 */
export function cutPage<T>(items: T[], pageSize: number, markerGiven: boolean): { items: T[] } & PageFlags {
  if (items.length > pageSize) {
    return { items: items.slice(0, pageSize), has_more_data: true, has_prev_data: markerGiven };
  }
  return { items, has_more_data: false, has_prev_data: markerGiven };
}
