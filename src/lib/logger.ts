type Level = "info" | "warn" | "error";

/** One JSON object per line; callers pass only safe fields (never tokens, never bodies). */
export function log(level: Level, msg: string, fields: Record<string, unknown>) {
  const line = JSON.stringify({ level, msg, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
