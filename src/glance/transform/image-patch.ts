import type { GlanceImage, JsonPatchOp } from "../schemas";
import type { ImageChanges } from "./image-metadata";
import { WRITABLE_BASE_KEYS } from "./image-metadata";

/** RFC 6901: `~` and `/` inside a property name are escaped. */
export const jsonPointer = (key: string) => `/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;

// Glance keeps tags as a set, so their order is not a change.
function sameValue(key: string, current: unknown, next: unknown): boolean {
  if (key === "tags" && Array.isArray(current) && Array.isArray(next)) {
    const currentTags = new Set(current);
    const nextTags = new Set(next);
    return currentTags.size === nextTags.size && [...nextTags].every((tag) => currentTags.has(tag));
  }
  return JSON.stringify(current) === JSON.stringify(next);
}

/**
 * The json-patch that takes `current` to `current + changes`, holding only real changes (Horizon
 * always appended a `replace /tags`): `remove` for a listed key the image has (a missing one would
 * be a Glance 409), `replace` for a key it has or a base property, `add` for a new custom property.
 * An empty list means there is nothing to write.
 */
export function imagePatchOps(current: GlanceImage, changes: ImageChanges): JsonPatchOp[] {
  const has = (key: string) => Object.hasOwn(current, key);
  const ops: JsonPatchOp[] = [];
  for (const key of changes.remove) {
    if (has(key) && !Object.hasOwn(changes.set, key)) ops.push({ op: "remove", path: jsonPointer(key) });
  }
  for (const [key, value] of Object.entries(changes.set)) {
    if (has(key) && sameValue(key, current[key], value)) continue;
    ops.push({ op: has(key) || WRITABLE_BASE_KEYS.has(key) ? "replace" : "add", path: jsonPointer(key), value });
  }
  return ops;
}
