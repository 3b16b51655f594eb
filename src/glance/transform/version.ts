import { ProblemError } from "../../lib/problem";
import type { GlanceVersions } from "../schemas";

export interface ApiVersion {
  version: string;
  current_version: string;
}

const VERSION_ID = /^v(\d+)\.(\d+)$/;

/** Glance's CURRENT version entry ("v2.15") as Horizon's `{"version": "2"}` plus the full current version. */
export function toApiVersion({ versions }: GlanceVersions): ApiVersion {
  const parsed = versions.flatMap((entry) => {
    const match = VERSION_ID.exec(entry.id);
    return match ? [{ status: entry.status, major: Number(match[1]), minor: Number(match[2]) }] : [];
  });
  const newestFirst = (a: { major: number; minor: number }, b: { major: number; minor: number }) =>
    b.major - a.major || b.minor - a.minor;
  const current = parsed.filter((v) => v.status === "CURRENT").sort(newestFirst)[0];
  if (!current) {
    throw new ProblemError({
      code: "bad-gateway",
      status: 502,
      detail: "Glance's versions document has no CURRENT version",
    });
  }
  return { version: String(current.major), current_version: `${current.major}.${current.minor}` };
}
