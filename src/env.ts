import type { Config } from "./config";
import type { TokenLookup } from "./glance-endpoint/token-lookup";
import type { GlanceClient } from "./glance/client";
import type { KeystoneClient } from "./keystone/client";
import type { RequestTimer } from "./lib/server-timing";

export interface AppVariables {
  requestId: string;
  /** `req-<uuid>` form sent to OpenStack services as X-OpenStack-Request-ID. */
  openstackRequestId: string;
  config: Config;
  /** The caller's Keystone token; set by requireToken, never logged. */
  token?: string;
  /** The Glance of this request: GLANCE_URL's, or the chosen region's from the caller's catalog (set by selectGlance). */
  glance: GlanceClient;
  /** The region whose Glance serves this request; undefined with GLANCE_URL and no DEFAULT_REGION. */
  region?: string;
  /** Made on first use (glance-endpoint/clients.ts keystoneClientOf); only with KEYSTONE_URL. */
  keystone?: KeystoneClient;
  /** This request's Keystone token lookup, once something asked for it (tokenLookupOf). */
  tokenLookup?: Promise<TokenLookup>;
  upstreamCalls: number;
  /** Wall time and upstream waits of this request, for Server-Timing and the access log. */
  timer: RequestTimer;
  /** Set by requireToken: the route answers with caller data (no shared caching of the answer). */
  tokenRoute?: boolean;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
