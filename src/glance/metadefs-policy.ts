import type { TokenVerdict } from "../keystone/client";
import { ProblemError } from "../lib/problem";

// Glance's default policy for metadefs reads: admin, or a reader of the token's project
// (member implies reader; Keystone lists implied roles in the token). A deployment with a
// stricter policy should leave KEYSTONE_URL empty, so that entries are cached per token instead.
const METADEF_READER_ROLES = new Set(["admin", "reader", "member"]);

/** Whether Glance's default policy lets this token read metadata definitions. */
function mayListMetadefs({ projectId, roles }: TokenVerdict): boolean {
  return roles.includes("admin") || (projectId !== undefined && roles.some((role) => METADEF_READER_ROLES.has(role)));
}

/** A 403 for a token Glance's default policy would not let read metadata definitions. */
export function ensureMayListMetadefs(verdict: TokenVerdict): void {
  if (mayListMetadefs(verdict)) return;
  throw new ProblemError({
    code: "forbidden",
    status: 403,
    detail:
      "This token may not list metadata definitions: it needs a project scope and the reader, member or admin role",
  });
}
