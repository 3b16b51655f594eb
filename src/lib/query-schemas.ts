import { z } from "@hono/zod-openapi";
import { QueryBoolean } from "./pagination";

export const GIVEN_MORE_THAN_ONCE = "given more than once";

/** A query key given twice reaches zod as an array: say so instead of "expected string". */
export const onceOr = (message: string, repeated = GIVEN_MORE_THAN_ONCE) => ({
  error: (issue: { input?: unknown }) => (Array.isArray(issue.input) ? repeated : message),
});

/** An optional `true|false|1|0` keyword, any case, given at most once. */
export const keyword = (description: string, example: string, repeated = GIVEN_MORE_THAN_ONCE) =>
  z
    .string(onceOr("must be true, false, 1 or 0", repeated))
    .pipe(QueryBoolean)
    .optional()
    .openapi({ description, example });

/** An optional limit: a positive integer given at most once (the upper bound is the route's, from its config). */
export const positiveIntegerLimit = (description: string, example: string, repeated = GIVEN_MORE_THAN_ONCE) =>
  z
    .string(onceOr("must be a positive integer", repeated))
    .regex(/^\d+$/, "must be a positive integer")
    .transform(Number)
    .refine((value) => value >= 1, "must be a positive integer")
    .optional()
    .openapi({ description, example });
