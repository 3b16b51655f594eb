import type { Config } from "./config";
import type { GlanceClient } from "./glance/client";
import type { KeystoneClient } from "./keystone/client";

export interface AppVariables {
  requestId: string;
  /** `req-<uuid>` form sent to OpenStack services as X-OpenStack-Request-ID. */
  openstackRequestId: string;
  config: Config;
  /** The caller's Keystone token; set by requireToken, never logged. */
  token?: string;
  glance: GlanceClient;
  keystone?: KeystoneClient;
  upstreamCalls: number;
  /** Set by requireToken: the route answers with caller data (no shared caching of the answer). */
  tokenRoute?: boolean;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
