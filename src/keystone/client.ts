import { z } from "zod";
import { ProblemError } from "../lib/problem";
import { type UpstreamOptions, upstreamRequest } from "../upstream/http";
import { type Catalog, CatalogSchema } from "./catalog";

const TokenDocumentSchema = z.object({
  token: z
    .object({
      expires_at: z.string(),
      project: z.object({ id: z.string() }).loose().optional(),
      roles: z.array(z.object({ name: z.string() }).loose()).default([]),
      // Checked apart, so an odd catalog never fails a plain token check.
      catalog: z.unknown().optional(),
    })
    .loose(),
});

export interface TokenVerdict {
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** Set for a project-scoped token. */
  projectId?: string;
  /** Role names, implied roles included (Keystone expands them). */
  roles: string[];
}

export interface KeystoneClientOptions {
  baseUrl: string;
  timeoutMs: number;
  openstackRequestId: string;
  onCall?: UpstreamOptions["onCall"];
  /** MAX_UPSTREAM_JSON_BYTES */
  maxResponseBytes?: number;
}

/** Only what the API needs from Keystone: is this token valid, until when, and its catalog. */
export class KeystoneClient {
  private readonly options: UpstreamOptions;

  constructor({ baseUrl, timeoutMs, openstackRequestId, onCall, maxResponseBytes }: KeystoneClientOptions) {
    this.options = {
      service: "Keystone",
      baseUrl,
      timeoutMs,
      getRetries: 1,
      baseHeaders: { "user-agent": "glance-edge", "x-openstack-request-id": openstackRequestId },
      onCall,
      maxResponseBytes,
    };
  }

  /**
   * Validates the token with itself as the caller (`GET /v3/auth/tokens`): its verdict, and its
   * service catalog from the same answer (empty for an unscoped token; null when Keystone's catalog
   * has an unexpected shape, which fails only a caller that needs the catalog). A refused token is a
   * 401 problem.
   */
  async readToken(token: string): Promise<{ verdict: TokenVerdict; catalog: Catalog | null }> {
    let body: unknown;
    try {
      ({ body } = await upstreamRequest(this.options, {
        method: "GET",
        path: "/v3/auth/tokens",
        headers: { "x-auth-token": token, "x-subject-token": token },
      }));
    } catch (error) {
      if (error instanceof ProblemError && (error.init.upstreamStatus === 401 || error.init.upstreamStatus === 404)) {
        throw new ProblemError({
          code: "unauthenticated",
          status: 401,
          detail: "The X-Auth-Token was refused by Keystone",
          upstreamStatus: error.init.upstreamStatus,
          upstreamRequestId: error.init.upstreamRequestId,
        });
      }
      // Any other refusal of a token check is Keystone misbehaving, not the caller's fault.
      if (error instanceof ProblemError && error.init.code === "glance-error") {
        throw new ProblemError({
          ...error.init,
          code: "bad-gateway",
          status: 502,
          detail: `Keystone refused the token check: ${error.init.detail}`,
        });
      }
      throw error;
    }
    const parsed = TokenDocumentSchema.safeParse(body);
    const expiresAt = parsed.success ? Date.parse(parsed.data.token.expires_at) : NaN;
    if (!parsed.success || !Number.isFinite(expiresAt)) {
      throw new ProblemError({
        code: "bad-gateway",
        status: 502,
        detail: "Keystone answered with an unexpected token document",
      });
    }
    const { project, roles, catalog } = parsed.data.token;
    const readCatalog = CatalogSchema.safeParse(catalog ?? []);
    return {
      verdict: { expiresAt, projectId: project?.id, roles: roles.map((role) => role.name) },
      catalog: readCatalog.success ? readCatalog.data : null,
    };
  }
}
