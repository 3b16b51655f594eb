/**
 * Horizon's legacy multipart create (`CreateImageForm`): the text fields of the form as the JSON create
 * body they stand for. Every form value is a string, so the typed fields get their schema types
 * here (Horizon passed `"false"` and `"2"` on and answered 500); the JSON create's validation then
 * applies unchanged.
 */
import { protoKeyPaths } from "../../lib/proto-keys";
import type { FieldIssue } from "./image-metadata";

/** Horizon's Angular client sends every field again, with its JSON type, in this one. */
export const ORIGINAL_JSON_FIELD = "$$originalJSON";

const INTEGER_FIELDS: ReadonlySet<string> = new Set(["min_disk", "min_ram"]);
const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(["protected", "import_data", "is_copying", "os_hidden"]);
/** Fields where an empty form value means "none" (JSON null). */
const NULLABLE_FIELDS: ReadonlySet<string> = new Set(["min_disk", "min_ram", "kernel", "ramdisk", "source_type"]);
/** May be given more than once; each occurrence is one item. */
const LIST_FIELDS: ReadonlySet<string> = new Set(["tags"]);

export type FormCreateRequest = { body: Record<string, unknown>; issues: FieldIssue[] };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function coerceValue(key: string, value: string): { value: unknown } | { issue: string } {
  if (value === "" && NULLABLE_FIELDS.has(key)) return { value: null };
  if (INTEGER_FIELDS.has(key)) {
    return /^\d{1,15}$/.test(value) ? { value: Number(value) } : { issue: "must be a non-negative integer" };
  }
  if (BOOLEAN_FIELDS.has(key)) {
    if (value === "true") return { value: true };
    if (value === "false") return { value: false };
    return { issue: 'must be "true" or "false"' };
  }
  return { value };
}

/** The body from `$$originalJSON`: it must be one JSON object, and it replaces the other fields. */
function originalJsonBody(values: string[]): FormCreateRequest {
  const field = ORIGINAL_JSON_FIELD;
  if (values.length > 1) return { body: {}, issues: [{ field, message: `${field} is given more than once` }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(values[0]);
  } catch {
    return { body: {}, issues: [{ field, message: `${field} is not valid JSON` }] };
  }
  if (!isPlainObject(parsed)) return { body: {}, issues: [{ field, message: `${field} must be a JSON object` }] };
  const issues = protoKeyPaths(parsed).map((path) => ({
    field: `${field}.${path}`,
    message: "__proto__ cannot be used as a property name",
  }));
  return { body: parsed, issues };
}

/**
 * The JSON create body a form stands for, with the issues found on the way (each names its
 * field). With `$$originalJSON` the other fields are Horizon's string copies of the same values
 * and are not read.
 */
export function formToCreateRequest(fields: readonly (readonly [string, string])[]): FormCreateRequest {
  const values = new Map<string, string[]>();
  for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value]);
  const originalJson = values.get(ORIGINAL_JSON_FIELD);
  if (originalJson) return originalJsonBody(originalJson);

  const body: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [key, given] of values) {
    if (key === "__proto__") {
      issues.push({ field: key, message: "__proto__ cannot be used as a property name" });
      continue;
    }
    if (LIST_FIELDS.has(key)) {
      body[key] = given;
      continue;
    }
    if (given.length > 1) {
      issues.push({ field: key, message: `${key} is given more than once` });
      continue;
    }
    const coerced = coerceValue(key, given[0]);
    if ("issue" in coerced) issues.push({ field: key, message: coerced.issue });
    else body[key] = coerced.value;
  }
  return { body, issues };
}
