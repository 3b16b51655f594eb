import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { ProblemSchema } from "../../src/lib/problem";
import { openApiDocument } from "../../scripts/render-openapi";
import { glanceError } from "../support/glance-stub";

// Property-based fuzzing of every route the app documents (read from its OpenAPI registry, so a
// route merged later is fuzzed too). Reproducible: a failure prints fast-check's seed and path;
// pass them back in as FUZZ_SEED (and fast-check's `path`) to replay it.
const FUZZ_SEED = 20_261_129;
const RUNS_PER_ROUTE = { anything: 150, refused: 60, slashless: 40, form: 200 };

const TOKEN = `gAAAAABfuzz-${"t0k3n".repeat(8)}`;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_JSON_BODY_BYTES = 1_048_576;

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, unknown> };
  security?: Record<string, string[]>[];
}

interface FuzzRoute {
  method: string;
  path: string;
  pathParams: string[];
  queryKeys: string[];
  jsonBody: boolean;
  /** Takes multipart/form-data (Horizon's legacy upload). */
  formBody: boolean;
  needsToken: boolean;
}

const document = openApiDocument();
const ROUTES: FuzzRoute[] = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
    queryKeys: (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
    jsonBody: Object.keys(operation.requestBody?.content ?? {}).some((type) => /json/.test(type)),
    formBody: Object.keys(operation.requestBody?.content ?? {}).includes("multipart/form-data"),
    // An empty requirement ({}) makes the token optional (the version route with GLANCE_URL).
    needsToken:
      (operation.security ?? []).length > 0 &&
      !(operation.security ?? []).some((requirement) => Object.keys(requirement).length === 0),
  })),
);

interface UpstreamCall {
  method: string;
  url: string;
}
let upstreamCalls: UpstreamCall[] = [];
let requestsSent = 0;

// Glance answers every call with a 404, so an answer can only be 4xx: a 5xx is then always ours.
beforeEach(() => {
  vi.restoreAllMocks();
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    await request.body?.cancel();
    upstreamCalls.push({ method: request.method, url: request.url });
    return glanceError(404, "Not Found", "No such thing");
  });
});
afterAll(() => vi.restoreAllMocks());

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

async function send({ method, path, headers, body }: FuzzRequest) {
  requestsSent++;
  const request = new Request(`https://edge.test${path}`, { method, headers, body, redirect: "manual" });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, env as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/**
 * Every answer: never a 5xx, never HTML, nosniff, never the token; a 4xx is an RFC 9457 problem
 * (a HEAD answer has no body to check). A 2xx is possible only where a route reads Glance's 404 as
 * "none" (the import-info lookups), and is then JSON.
 */
async function expectRefusalDocument(request: FuzzRequest, response: Response) {
  const text = await response.text();
  const where = `${request.method} ${request.path} -> ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(response.headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(text, where).not.toContain(TOKEN);
  expect(text.toLowerCase(), where).not.toContain("<html");
  if (response.status >= 300 && response.status < 400) {
    // A redirect's Location is the request's own path, percent-encoded as it came: visible ASCII only.
    expect(response.headers.get("location"), where).toMatch(/^\/api\/glance\/[\x21-\x7e]*$/);
  }
  if (response.status < 400) {
    expect(
      upstreamCalls.filter((call) => WRITE_METHODS.has(call.method)),
      where,
    ).toEqual([]);
    if (text) expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
    return { status: response.status, type: "", detail: "" };
  }
  if (request.method === "HEAD") return { status: response.status, type: "", detail: "" };
  expect(response.headers.get("content-type"), where).toBe("application/problem+json");
  const problem = ProblemSchema.parse(JSON.parse(text));
  expect(problem.status, where).toBe(response.status);
  return problem;
}

// ---- generators ----------------------------------------------------------------------------

const nasty = fc.constantFrom(
  "",
  ".",
  "..",
  "%",
  "%00",
  "%zz",
  "__proto__",
  "constructor",
  "toString",
  "null",
  "-1",
  "0",
  "1e309",
  "NaN",
  "true",
  "in:",
  "in:,,",
  "gt:",
  "\u0000",
  "\u202e",
  "😀",
  "a,b",
  '"quoted"',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "x".repeat(300),
  "9".repeat(40),
);
const text = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

/** Percent-encoded control characters, spaces and stray bytes, alone or inside other text. */
const encodedControls = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x20 }).map((code) => `%${code.toString(16).padStart(2, "0").toUpperCase()}`),
      fc.constantFrom("%7F", "%0D%0A", "%0d%0a", "%C0%80", "%E2%80%A8", "%FF", "%2F", "%5C", "%2E%2E", "%25", "+"),
      fc.string({ unit: fc.constantFrom("a", "b", "-", "."), maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(""))
  .filter((segment) => segment.length > 0);

const pathSegment = fc.oneof(
  { weight: 4, arbitrary: text.map((value) => encodeURIComponent(value)) },
  { weight: 2, arbitrary: encodedControls },
  { weight: 1, arbitrary: text.map((value) => value.replace(/[?#\s]/g, "")) },
);

const queryPairs = (route: FuzzRoute) =>
  fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: route.queryKeys.length ? fc.constantFrom(...route.queryKeys) : text },
        { weight: 1, arbitrary: text },
        {
          weight: 1,
          arbitrary: fc.constantFrom("limit", "marker", "paginate", "__proto__", "", "sort", "sort_key", "x[y]"),
        },
      ),
      text,
    ),
    { maxLength: 8 },
  );

const tokenHeader = fc.oneof(
  { weight: 6, arbitrary: fc.constant(TOKEN) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "a b", `${TOKEN}\u0001`, "x".repeat(9000)) },
);

const requestIdHeader = fc.option(
  text.map((value) => value.replace(/[^\x20-\x7e]/g, "")),
  { nil: undefined },
);

const jsonBody = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
  {
    weight: 3,
    arbitrary: fc
      .dictionary(
        fc.oneof(
          fc.constantFrom(
            "name",
            "visibility",
            "disk_format",
            "protected",
            "tags",
            "updated",
            "removed",
            "min_ram",
            "image_url",
          ),
          text,
        ),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 6 },
      )
      .map((value) => JSON.stringify(value)),
  },
  { weight: 1, arbitrary: text },
);

function fillPath(route: FuzzRoute, segments: string[]) {
  let index = 0;
  return route.path.replace(/\{[^}]+\}/g, () => segments[index++] ?? "x");
}

function withQuery(path: string, pairs: [string, string][]) {
  if (pairs.length === 0) return path;
  return `${path}?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&")}`;
}

/** Anything at all, with a good token most of the time: whatever comes back is a 4xx problem (or the slashless path's 308), and a refusal made no write. */
const anyRequest = (route: FuzzRoute) =>
  fc
    .record({
      segments: fc.array(pathSegment, { minLength: route.pathParams.length, maxLength: route.pathParams.length }),
      slashless: fc.boolean(),
      query: queryPairs(route),
      token: tokenHeader,
      requestId: requestIdHeader,
      body: route.jsonBody ? fc.option(jsonBody, { nil: undefined, freq: 5 }) : fc.constant(undefined),
      contentType: fc.constantFrom(
        "application/json",
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "application/x-www-form-urlencoded",
      ),
    })
    .map(({ segments, slashless, query, token, requestId, body, contentType }): FuzzRequest => {
      const headers: Record<string, string> = {};
      if (token) headers["x-auth-token"] = token;
      if (requestId) headers["x-request-id"] = requestId;
      if (body !== undefined) headers["content-type"] = contentType;
      const path = fillPath(route, segments);
      return {
        method: route.method,
        path: withQuery(slashless ? path.replace(/\/$/, "") : path, query),
        headers,
        body,
      };
    });

const FORM_BOUNDARY = "fuzzBoundary7MA4YWxkTrZu0gW";

/** A Content-Disposition parameter, well-formed or not: RFC 8187 `filename*` with broken percent-encoding among them. */
const dispositionParam = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "filename*=UTF-8''%ZZ",
      "filename*=UTF-8''%",
      "filename*=UTF-8''100%",
      "filename*=utf-8''%E0%A4%A",
      "filename*=UTF-8''%C0%80",
      "filename*=''",
      "filename*=ISO-8859-1''%E9t%E9",
      "filename*=x-unknown''abc",
      "filename*=UTF-8'en'%F0%9F%98%80.img",
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'name="data"',
      'name="name"',
      "name=data",
      'name=""',
      "name",
      'filename="cirros.img"',
      'filename="a\\"b"',
      'filename="unterminated',
      "; ;",
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("name", "filename", "filename*"), text)
      .map(([key, value]) => `${key}=${value}`),
  },
);

/** One part's header lines: Content-Disposition with fuzzed parameters, maybe a Content-Type, maybe junk. */
const partHeaders = fc
  .record({
    disposition: fc.oneof(
      { weight: 4, arbitrary: fc.constant("form-data") },
      { weight: 1, arbitrary: fc.constantFrom("attachment", "", "form-data;;", "inline") },
    ),
    params: fc.array(dispositionParam, { maxLength: 4 }),
    contentType: fc.option(
      fc.constantFrom("application/octet-stream", "text/plain; charset=bogus", "multipart/mixed", "", "x"),
      { nil: undefined },
    ),
    junk: fc.option(
      fc.constantFrom("no colon here", ": empty name", "X-\u0001: ctl", `X-Long: ${"h".repeat(20_000)}`),
      { nil: undefined },
    ),
  })
  .map(({ disposition, params, contentType, junk }) => {
    const lines = [`Content-Disposition: ${[disposition, ...params].join("; ")}`];
    if (contentType !== undefined) lines.push(`Content-Type: ${contentType}`);
    if (junk !== undefined) lines.push(junk);
    return lines.join("\r\n");
  });

/** A multipart/form-data body of fuzzed parts (valid ones among them), maybe cut short. */
const formRequest = fc
  .record({
    parts: fc.array(fc.tuple(partHeaders, fc.oneof(text, fc.constant("image-bytes"))), { minLength: 1, maxLength: 4 }),
    ending: fc.constantFrom(`--${FORM_BOUNDARY}--\r\n`, `--${FORM_BOUNDARY}--`, "", `--${FORM_BOUNDARY}`),
    boundary: fc.oneof(
      { weight: 8, arbitrary: fc.constant(FORM_BOUNDARY) },
      { weight: 1, arbitrary: fc.constantFrom("", '"quoted"') },
    ),
    token: tokenHeader,
  })
  .map(({ parts, ending, boundary, token }) => {
    const body = parts.map(([head, value]) => `--${FORM_BOUNDARY}\r\n${head}\r\n\r\n${value}\r\n`).join("") + ending;
    const headers: Record<string, string> = {
      "content-type": boundary ? `multipart/form-data; boundary=${boundary}` : "multipart/form-data",
    };
    if (token) headers["x-auth-token"] = token;
    return { headers, body };
  });

/** Requests that must be refused before any upstream call: no or malformed token, and, with a body, bad JSON, a wrong media type, an own __proto__ or too many bytes. */
const refusedRequest = (route: FuzzRoute) => {
  const kinds: fc.Arbitrary<{ kind: string; headers: Record<string, string>; body?: string }>[] = [];
  if (route.needsToken) {
    kinds.push(
      fc.constantFrom("", " ", "bad token", "a\tb", "x".repeat(8193)).map((token) => ({
        kind: "token",
        headers: token ? { "x-auth-token": token } : ({} as Record<string, string>),
      })),
    );
  }
  if (route.jsonBody) {
    const withToken = { "x-auth-token": TOKEN, "content-type": "application/json" };
    kinds.push(
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((prefix) => ({ kind: "malformed", headers: withToken, body: `{"name": ${JSON.stringify(prefix)}` })),
      fc.jsonValue({ maxDepth: 2 }).map((value) => ({
        kind: "proto",
        headers: withToken,
        body: `{"__proto__": ${JSON.stringify(value)}, "name": "x"}`,
      })),
      fc.integer({ min: 1, max: 4096 }).map((extra) => ({
        kind: "too-large",
        headers: withToken,
        body: `{"name": "${"x".repeat(MAX_JSON_BODY_BYTES + extra - 12)}"}`,
      })),
      fc.constantFrom("text/plain", "application/xml", "application/octet-stream").map((type) => ({
        kind: "media-type",
        headers: { "x-auth-token": TOKEN, "content-type": type },
        body: '{"name": "x"}',
      })),
    );
  }
  if (kinds.length === 0) return undefined;
  return fc.record({
    segments: fc.array(pathSegment, { minLength: route.pathParams.length, maxLength: route.pathParams.length }),
    query: queryPairs(route),
    refusal: fc.oneof(...kinds),
  });
};

// ---- properties ----------------------------------------------------------------------------

const FORM_ROUTES = ROUTES.filter((route) => route.formBody);
const PARAM_ROUTES = ROUTES.filter((route) => route.pathParams.length > 0);
const planned =
  ROUTES.length * RUNS_PER_ROUTE.anything +
  ROUTES.filter((route) => refusedRequest(route)).length * RUNS_PER_ROUTE.refused +
  PARAM_ROUTES.length * RUNS_PER_ROUTE.slashless +
  FORM_ROUTES.length * RUNS_PER_ROUTE.form;

describe(`fuzz: ${planned} seeded requests (seed ${FUZZ_SEED}) over the ${ROUTES.length} documented routes`, () => {
  it("finds the routes in the OpenAPI registry", () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(11);
    expect(ROUTES.filter((route) => route.jsonBody).length).toBeGreaterThanOrEqual(3);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    `%s: ${RUNS_PER_ROUTE.anything} requests (seed ${FUZZ_SEED}), anything → never a 5xx, 4xx as problems; a refusal made no write`,
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(anyRequest(route), async (request) => {
          upstreamCalls = [];
          const response = await send(request);
          const problem = await expectRefusalDocument(request, response);
          if (
            [400, 401, 413, 415].includes(problem.status) &&
            problem.type !== "urn:glance-edge:problem:glance-error"
          ) {
            expect(
              upstreamCalls.filter((call) => WRITE_METHODS.has(call.method)),
              `${request.method} ${request.path}`,
            ).toEqual([]);
          }
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_ROUTE.anything },
      );
    },
  );

  it.each(
    ROUTES.filter((route) => refusedRequest(route)).map((route) => [`${route.method} ${route.path}`, route] as const),
  )(
    `%s: ${RUNS_PER_ROUTE.refused} requests (seed ${FUZZ_SEED}), a bad token or body is refused with no upstream call at all`,
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(refusedRequest(route)!, async ({ segments, query, refusal }) => {
          upstreamCalls = [];
          const request: FuzzRequest = {
            method: route.method,
            path: withQuery(fillPath(route, segments), query),
            headers: refusal.headers,
            body: refusal.body,
          };
          const response = await send(request);
          const problem = await expectRefusalDocument(request, response);
          const expected =
            { token: [401], malformed: [400, 401], proto: [400, 401], "too-large": [413], "media-type": [400, 415] }[
              refusal.kind
            ] ?? [];
          // A path or query that is bad on its own may be refused first, with its own 4xx.
          if (problem.status !== 404 && problem.status !== 405)
            expect(expected.concat(400), `${refusal.kind}: ${problem.detail}`).toContain(problem.status);
          expect(upstreamCalls, `${refusal.kind} ${request.method} ${request.path}`).toEqual([]);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_ROUTE.refused },
      );
    },
  );

  it.each(PARAM_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    `%s: ${RUNS_PER_ROUTE.slashless} slashless paths with encoded control characters (seed ${FUZZ_SEED}) → never a 5xx; the 308 keeps them encoded`,
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(encodedControls, { minLength: route.pathParams.length, maxLength: route.pathParams.length }),
          async (segments) => {
            upstreamCalls = [];
            const path = fillPath(route, segments).replace(/\/$/, "");
            const request: FuzzRequest = { method: route.method, path, headers: { "x-auth-token": TOKEN } };
            const response = await send(request);
            const problem = await expectRefusalDocument(request, response);
            // The actions are also answered without their slash (Horizon's UI calls them so); every other route redirects.
            // The URL parser drops `.` segments before the Worker sees the path (`/uploads/./handoff` is `/uploads/handoff`).
            const seen = new URL(`https://edge.test${path}`).pathname;
            if (response.status === 308) expect(response.headers.get("location")).toBe(`${seen}/`);
            else if (problem.status >= 400 && problem.type !== "urn:glance-edge:problem:glance-error")
              expect(upstreamCalls.filter((call) => WRITE_METHODS.has(call.method))).toEqual([]);
          },
        ),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_ROUTE.slashless },
      );
    },
  );

  it.each(FORM_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    `%s: ${RUNS_PER_ROUTE.form} multipart forms with malformed part headers (seed ${FUZZ_SEED}) → never a 5xx, 4xx as problems; a refusal made no write`,
    async (_name, route) => {
      expect(FORM_ROUTES.length).toBeGreaterThanOrEqual(1);
      await fc.assert(
        fc.asyncProperty(formRequest, async ({ headers, body }) => {
          upstreamCalls = [];
          const request: FuzzRequest = { method: route.method, path: route.path, headers, body };
          const response = await send(request);
          const problem = await expectRefusalDocument(request, response);
          if ([400, 401, 413, 415].includes(problem.status) && problem.type !== "urn:glance-edge:problem:glance-error")
            expect(upstreamCalls.filter((call) => WRITE_METHODS.has(call.method))).toEqual([]);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_ROUTE.form },
      );
    },
  );

  it(`sent all ${planned} planned requests`, () => {
    expect(requestsSent).toBe(planned);
    console.info(`fuzz: ${requestsSent} requests, seed ${FUZZ_SEED}`);
  });
});
