import { z } from "@hono/zod-openapi";

/** The closed set of problem kinds this API answers with (RFC 9457 `type` is derived from it). */
export const PROBLEM_TITLES = {
  "validation-error": "Request validation failed",
  "malformed-json": "Malformed JSON body",
  "unsupported-media-type": "Unsupported media type",
  "content-too-large": "Request body too large",
  unauthenticated: "Authentication required",
  forbidden: "Not allowed",
  "not-found": "Not found",
  "method-not-allowed": "Method not allowed",
  "glance-error": "Glance refused the request",
  "bad-gateway": "An upstream OpenStack service failed",
  "gateway-timeout": "An upstream OpenStack service did not answer in time",
  "configuration-error": "The API is misconfigured",
  "length-required": "Content-Length required",
  conflict: "The resource's state does not allow this",
  "image-format-mismatch": "The image's data is not in its disk_format",
  "unsafe-image": "The image's data is refused as unsafe",
  "digest-mismatch": "The data does not match its digest",
  "request-timeout": "The client stopped sending",
  "unsupported-protocol-version": "Unsupported Tus-Resumable version",
  "checksum-mismatch": "The chunk does not match its Upload-Checksum",
  gone: "The resource has expired",
  "not-implemented": "Not available in this deployment",
  "internal-error": "Internal error",
} as const;

export type ProblemCode = keyof typeof PROBLEM_TITLES;

export const problemType = <C extends ProblemCode>(code: C) => `urn:glance-edge:problem:${code}` as const;

const PROBLEM_TYPES = (Object.keys(PROBLEM_TITLES) as ProblemCode[]).map(problemType) as [
  ReturnType<typeof problemType>,
  ...ReturnType<typeof problemType>[],
];

export const FieldErrorSchema = z
  .object({
    location: z.enum(["query", "path", "body", "header"]).openapi({ example: "body" }),
    field: z.string().openapi({ example: "visibility" }),
    message: z.string().openapi({ example: "invalid visibility option: bogus" }),
  })
  .openapi("FieldError");

export const ProblemSchema = z
  .object({
    type: z.enum(PROBLEM_TYPES).openapi({
      description:
        "Which kind of problem this is, one of a closed set (`urn:glance-edge:problem:` and the code); `title` names it in words",
      example: problemType("glance-error"),
    }),
    title: z.string().openapi({ example: PROBLEM_TITLES["glance-error"] }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: "No image found with ID 9b7e0a5e-2f0c-4c0e-8f0a-2f3d7c1e9b10" }),
    instance: z.string().openapi({ example: "/api/glance/images/9b7e0a5e-2f0c-4c0e-8f0a-2f3d7c1e9b10/" }),
    request_id: z.string().openapi({ example: "4f3c6c1e-3b9a-4d7e-9d43-1f6a2b7c8d90" }),
    errors: z.array(FieldErrorSchema).optional(),
    upstream_status: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Glance's HTTP status, for upstream failures" }),
    upstream_request_id: z.string().optional().openapi({
      description: "Glance's x-openstack-request-id, for upstream failures",
      example: "req-0b0c1d2e-3f40-4152-a3b4-c5d6e7f80912",
    }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details; every non-2xx answer has this shape." });

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;

export interface ProblemInit {
  code: ProblemCode;
  status: number;
  detail: string;
  errors?: FieldError[];
  upstreamStatus?: number;
  upstreamRequestId?: string;
  headers?: Record<string, string>;
}

/** An error that carries its own problem document; thrown anywhere, rendered by the app's onError. */
export class ProblemError extends Error {
  constructor(readonly init: ProblemInit) {
    super(init.detail);
  }
}

export function problemBody(init: ProblemInit, instance: string, requestId: string): Problem {
  return {
    type: problemType(init.code),
    title: PROBLEM_TITLES[init.code],
    status: init.status,
    detail: init.detail,
    instance,
    request_id: requestId,
    ...(init.errors ? { errors: init.errors } : {}),
    ...(init.upstreamStatus !== undefined ? { upstream_status: init.upstreamStatus } : {}),
    ...(init.upstreamRequestId ? { upstream_request_id: init.upstreamRequestId } : {}),
  };
}

export function problemResponse(init: ProblemInit, instance: string, requestId: string): Response {
  return new Response(JSON.stringify(problemBody(init, instance, requestId)), {
    status: init.status,
    headers: { "content-type": "application/problem+json", ...init.headers },
  });
}

/** A 400 naming every offending field; one error reads as its own message (Horizon's `invalid visibility option: x`). */
export function invalidInput(errors: FieldError[]): ProblemError {
  const detail =
    errors.length === 1 ? errors[0].message : errors.map((e) => `${e.location} ${e.field}: ${e.message}`).join("; ");
  return new ProblemError({ code: "validation-error", status: 400, detail, errors });
}

export const badRequest = (field: string, message: string, location: FieldError["location"] = "body") =>
  invalidInput([{ location, field, message }]);
