import { type FieldError, invalidInput } from "./problem";

/**
 * Refuses query keys that would otherwise vanish without a word: Hono's parser drops an empty
 * key and zod drops `__proto__`, so neither reaches a validated query. Read from the raw URL.
 */
export function refuseUnkeptQueryKeys(url: string): void {
  const errors: FieldError[] = [];
  for (const key of new Set(new URL(url).searchParams.keys())) {
    if (key === "") errors.push({ location: "query", field: "(empty)", message: "a query parameter needs a name" });
    else if (key === "__proto__")
      errors.push({ location: "query", field: key, message: "cannot be used as a filter name" });
  }
  if (errors.length > 0) throw invalidInput(errors);
}
