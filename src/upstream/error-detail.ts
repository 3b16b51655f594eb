const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Turns HTML or webob residue into plain lines: tags removed, entities decoded, blank and repeated lines dropped. */
export function plainLines(text: string): string[] {
  const withoutMarkup = text
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "\n");
  const lines = decodeEntities(withoutMarkup)
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return [...new Set(lines)];
}

// webob's status line ("404 Not Found") says nothing the status code does not.
const STATUS_LINE = /^\d{3}(?: [A-Za-z' -]+)?$/;

/**
 * Glance's message for an error response, whatever shape it came in: webob JSON
 * (`{"message","code","title"}`), keystonemiddleware JSON (`{"error":{"message"}}`), HTML or text.
 */
export function upstreamErrorDetail(body: string, status: number, statusText = ""): string {
  let message: unknown;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null;
    const nested = parsed && typeof parsed.error === "object" ? (parsed.error as Record<string, unknown>) : undefined;
    message = nested?.message ?? parsed?.message ?? parsed?.detail ?? parsed?.title;
  } catch {
    message = body;
  }
  const text = typeof message === "string" ? message : "";
  const lines = plainLines(text).filter((line) => !STATUS_LINE.test(line));
  const detail = lines.join(": ").slice(0, 2000);
  return detail || `Glance answered ${status}${statusText ? ` ${statusText}` : ""}`;
}
