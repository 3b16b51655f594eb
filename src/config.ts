import { z } from "zod";

const seconds = (fallback: number) => z.coerce.number().int().min(0).max(86_400).default(fallback);
const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const httpUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ""));

const commaList = z
  .string()
  .default("")
  .transform((list) =>
    list
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/** A URL's scheme, host and port, the port always written out: `https://glance.example:443`. */
export function explicitOrigin(url: URL): string {
  return `${url.protocol}//${url.hostname}:${url.port || DEFAULT_PORTS[url.protocol]}`;
}

/**
 * One GLANCE_ENDPOINT_ALLOWLIST entry as the origin it allows: `host[:port]` means https (on 443
 * unless a port is given); `http://host[:port]` is needed for plain http. Nothing but an origin.
 */
function allowedOrigin(entry: string, ctx: z.RefinementCtx): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? entry : `https://${entry}`;
  let url: URL | undefined;
  try {
    url = new URL(withScheme);
  } catch {
    url = undefined;
  }
  const originOnly =
    url &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.hostname !== "" &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash &&
    url.pathname === "/";
  if (!url || !originOnly) {
    ctx.addIssue({
      code: "custom",
      message: `${JSON.stringify(entry)} is not an endpoint origin: host[:port] (https) or http(s)://host[:port]`,
    });
    return entry;
  }
  return explicitOrigin(url);
}

const ConfigSchema = z.object({
  GLANCE_URL: httpUrl.optional(),
  KEYSTONE_URL: httpUrl.optional(),
  GLANCE_TIMEOUT_MS: positiveInt(10_000, 300_000),
  API_RESULT_PAGE_SIZE: positiveInt(20, 1000),
  API_RESULT_LIMIT: positiveInt(1000, 100_000),
  VERSION_CACHE_TTL: seconds(300),
  RESOURCE_TYPES_CACHE_TTL: seconds(300),
  CACHE_STALE_TTL: seconds(60),
  TOKEN_VERDICT_TTL: seconds(60),
  NAMESPACE_DETAIL_CONCURRENCY: positiveInt(8, 64),
  PUBLIC_NAMESPACE_CACHE_TTL: seconds(60),
  UPLOAD_IDLE_TIMEOUT_MS: positiveInt(60_000, 3_600_000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  FORMAT_INSPECTION: z.enum(["enforce", "report", "off"]).default("enforce"),
  MAX_VIRTUAL_SIZE_BYTES: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  CORS_ALLOWED_ORIGINS: commaList,
  GLANCE_INTERFACE: z.enum(["public", "internal", "admin"]).default("public"),
  DEFAULT_REGION: z
    .string()
    .max(255)
    .regex(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/, "must be a region id (printable ASCII)")
    .optional(),
  GLANCE_ENDPOINT_ALLOWLIST: commaList.transform((entries, ctx) => entries.map((entry) => allowedOrigin(entry, ctx))),
  MAX_JSON_BODY_BYTES: positiveInt(1_048_576, 16_777_216),
  MAX_UPSTREAM_JSON_BYTES: positiveInt(16_777_216, 67_108_864),
  // Resumable (tus) uploads: the largest request body one PATCH (or a creation with data) may carry; Cloudflare's
  // Free and Pro plans refuse a body over 100 MB before the Worker runs, so tus clients must chunk below it.
  MAX_REQUEST_BODY_BYTES: positiveInt(104_857_600, 5 * 1024 ** 3),
  UPLOAD_EXPIRY_SECONDS: positiveInt(86_400, 30 * 86_400),
  UPLOAD_HANDOFF: z.enum(["web-download", "stage"]).default("web-download"),
  PUBLIC_BASE_URL: httpUrl.optional(),
  UPLOAD_SIGNING_KEY: z.string().min(32, "must be at least 32 characters (a random secret)").optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

/**
 * What the resumable uploads' hand-off mode still needs, as ConfigError entries (none when it is complete):
 * `web-download` has Glance pull the bytes from this API at PUBLIC_BASE_URL with a URL signed by UPLOAD_SIGNING_KEY.
 * Checked where uploads are created, not for every route: the rest of the API works without them.
 */
export function missingHandoffConfig(config: Config): { name: string; message: string }[] {
  if (config.UPLOAD_HANDOFF !== "web-download") return [];
  const missing = [];
  if (!config.PUBLIC_BASE_URL)
    missing.push({
      name: "PUBLIC_BASE_URL",
      message: "UPLOAD_HANDOFF=web-download needs the URL Glance reaches this API at",
    });
  if (!config.UPLOAD_SIGNING_KEY)
    missing.push({
      name: "UPLOAD_SIGNING_KEY",
      message: "UPLOAD_HANDOFF=web-download needs this secret to sign Glance's URL",
    });
  return missing;
}

export class ConfigError extends Error {
  constructor(readonly variables: { name: string; message: string }[]) {
    super(`invalid configuration: ${variables.map((v) => v.name).join(", ")}`);
  }
}

// Wrangler vars are all strings; an empty string means "not set" so the default applies.
function withoutEmptyStrings(env: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}

const parsedConfigs = new WeakMap<object, Config>();

/** Parses the Worker's vars once per env object; throws ConfigError naming every bad variable. */
export function loadConfig(env: object): Config {
  const cached = parsedConfigs.get(env);
  if (cached) return cached;
  const result = ConfigSchema.safeParse(withoutEmptyStrings(env as Record<string, unknown>));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        name: String(issue.path[0] ?? "?"),
        message: issue.message,
      })),
    );
  }
  if (!result.data.GLANCE_URL && !result.data.KEYSTONE_URL) {
    throw new ConfigError([
      {
        name: "GLANCE_URL or KEYSTONE_URL",
        message: "set GLANCE_URL, or KEYSTONE_URL to find Glance in the caller's service catalog",
      },
    ]);
  }
  parsedConfigs.set(env, result.data);
  return result.data;
}
