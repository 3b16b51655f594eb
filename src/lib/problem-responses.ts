import { ProblemSchema } from "./problem";

const DESCRIPTIONS = {
  400: "Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data",
  401: "Missing or refused X-Auth-Token",
  403: "Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint",
  404: "Not found, or not visible to this project",
  405: "Method not allowed on this path (see the Allow header)",
  409: "Conflict reported by Glance",
  410: "Gone: Glance reports the image data or the image as deleted",
  408: "The client sent no image data for UPLOAD_IDLE_TIMEOUT_MS; the upload was aborted (Glance keeps nothing of it)",
  411: "Content-Length is missing: image data is only accepted with a known length",
  413: "The JSON body is larger than MAX_JSON_BODY_BYTES (nothing was sent to Glance), or Glance refused the size or a quota",
  415: "Content-Type is not application/json",
  416: "The Range cannot be satisfied (Content-Range says the size)",
  500: "The API is misconfigured, or an unexpected error (quote the request id)",
  502: "Glance (or Keystone) failed or could not be reached",
  504: "Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS",
} as const;

export type ProblemStatus = keyof typeof DESCRIPTIONS;

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

/** The shared problem responses of a route, spread into its `responses`. */
export function problemResponses(...statuses: ProblemStatus[]) {
  const all: ProblemStatus[] = [...new Set<ProblemStatus>([...statuses, 500, 502, 504])];
  return Object.fromEntries(
    all.sort((a, b) => a - b).map((status) => [status, { description: DESCRIPTIONS[status], content: problemContent }]),
  ) as Record<ProblemStatus, { description: string; content: typeof problemContent }>;
}
