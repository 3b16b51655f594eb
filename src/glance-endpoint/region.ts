import type { RegionEndpoint } from "../keystone/catalog";
import { type FieldError, invalidInput, ProblemError } from "../lib/problem";
import { GIVEN_MORE_THAN_ONCE } from "../lib/query-schemas";

export const REGION_HEADER = "X-OpenStack-Region";
export const REGION_QUERY_KEY = "region";

// Keystone region ids are free text up to 255 characters; inner spaces are allowed, control characters are not.
const REGION_SHAPE = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

export interface RegionRequest {
  region: string;
  /** Where the caller named it, for the field of a problem. */
  from: FieldError;
}

const headerField = (message: string): FieldError => ({ location: "header", field: REGION_HEADER, message });
const queryField = (message: string): FieldError => ({ location: "query", field: REGION_QUERY_KEY, message });

/**
 * Whether the URL's query may name `region`: the key spelt out, or percent-encoded (`%72egion`). Most
 * requests have neither, and are spared parsing the URL twice (bench/README.md, Issue 20).
 */
function mayNameRegion(url: string): boolean {
  const query = url.indexOf("?");
  return query !== -1 && (url.includes(REGION_QUERY_KEY, query) || url.includes("%", query));
}

/** The region the caller chose (`X-OpenStack-Region` or `?region=`), if any; a malformed or conflicting choice is a 400. */
export function requestedRegion(url: string, headerValue: string | undefined): RegionRequest | undefined {
  const errors: FieldError[] = [];
  const header = headerValue?.trim();
  if (header !== undefined && !REGION_SHAPE.test(header))
    errors.push(headerField("must be a region id (1 to 255 printable characters, no leading or trailing space)"));
  const queried = mayNameRegion(url) ? new URL(url).searchParams.getAll(REGION_QUERY_KEY) : [];
  if (queried.length > 1) errors.push(queryField(GIVEN_MORE_THAN_ONCE));
  else if (queried.length === 1 && !REGION_SHAPE.test(queried[0]))
    errors.push(queryField("must be a region id (1 to 255 printable characters, no leading or trailing space)"));
  if (errors.length) throw invalidInput(errors);
  const query = queried[0];
  if (header !== undefined && query !== undefined && header !== query) {
    throw invalidInput([queryField(`conflicts with the ${REGION_HEADER} header (${header}); give one region`)]);
  }
  if (header !== undefined) return { region: header, from: headerField("") };
  if (query !== undefined) return { region: query, from: queryField("") };
  return undefined;
}

/** The request URL without `region` (the edge consumes it; it is not a Glance filter). */
export function withoutRegionQuery(url: string): string {
  if (!mayNameRegion(url)) return url;
  const parsed = new URL(url);
  if (!parsed.searchParams.has(REGION_QUERY_KEY)) return url;
  parsed.searchParams.delete(REGION_QUERY_KEY);
  return parsed.href;
}

const offered = (endpoints: RegionEndpoint[]) => endpoints.map((endpoint) => endpoint.region).join(", ");

/**
 * Horizon's choice of Glance: the region the caller asked for, else DEFAULT_REGION, else the only
 * region with an image endpoint. Anything else is a problem that lists the regions this token has.
 */
export function chooseRegion(
  endpoints: RegionEndpoint[],
  requested: RegionRequest | undefined,
  defaultRegion: string | undefined,
  endpointInterface: string,
): RegionEndpoint {
  if (endpoints.length === 0) {
    throw new ProblemError({
      code: "forbidden",
      status: 403,
      detail: `This token's service catalog has no ${endpointInterface} image endpoint, so there is no Glance to call; use a project-scoped token of a project that may use the image service`,
    });
  }
  if (requested) {
    const match = endpoints.find((endpoint) => endpoint.region === requested.region);
    if (!match) {
      throw invalidInput([
        {
          ...requested.from,
          message: `unknown region ${requested.region}; regions with an image endpoint for this token: ${offered(endpoints)}`,
        },
      ]);
    }
    return match;
  }
  if (defaultRegion !== undefined) {
    const match = endpoints.find((endpoint) => endpoint.region === defaultRegion);
    if (!match) {
      throw invalidInput([
        headerField(
          `the default region ${defaultRegion} has no image endpoint for this token; choose one of: ${offered(endpoints)}`,
        ),
      ]);
    }
    return match;
  }
  if (endpoints.length === 1) return endpoints[0];
  throw invalidInput([
    headerField(
      `several regions have an image endpoint for this token and none was chosen; choose one of: ${offered(endpoints)} (${REGION_HEADER} header or ?${REGION_QUERY_KEY}=)`,
    ),
  ]);
}

/** The region a request that names none goes to, or undefined when it must choose. */
export function defaultRegionOf(endpoints: RegionEndpoint[], defaultRegion: string | undefined): string | undefined {
  if (defaultRegion !== undefined)
    return endpoints.some((endpoint) => endpoint.region === defaultRegion) ? defaultRegion : undefined;
  return endpoints.length === 1 ? endpoints[0].region : undefined;
}
