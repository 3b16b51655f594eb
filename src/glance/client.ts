import type { z } from "zod";
import { ProblemError } from "../lib/problem";
import { type Query, type UpstreamOptions, type UpstreamRequest, upstreamRequest } from "../upstream/http";
import {
  GlanceImageListSchema,
  GlanceImageSchema,
  GlanceImportInfoSchema,
  GlanceNamespaceListSchema,
  GlanceNamespaceSchema,
  GlanceResourceTypeListSchema,
  GlanceVersionsSchema,
  type JsonPatchOp,
} from "./schemas";

export const JSON_PATCH_MEDIA_TYPE = "application/openstack-images-v2.1-json-patch";

export interface GlanceClientOptions {
  baseUrl: string;
  timeoutMs: number;
  openstackRequestId: string;
  /** Read at call time: the token requireToken accepted, if any. */
  getToken?: () => string | undefined;
  getRetries?: number;
  onCall?: UpstreamOptions["onCall"];
}

const segment = (value: string) => encodeURIComponent(value);

/** Glance v2, one method per call the API makes; responses are checked with zod. */
export class GlanceClient {
  private readonly options: UpstreamOptions;

  private readonly getToken: () => string | undefined;

  /** This client's Glance; edge-cache keys are scoped by it (cache/keys.ts glanceCacheKey). */
  readonly baseUrl: string;

  constructor({ baseUrl, timeoutMs, openstackRequestId, getToken, getRetries = 1, onCall }: GlanceClientOptions) {
    this.baseUrl = baseUrl;
    const baseHeaders = { "user-agent": "glance-edge", "x-openstack-request-id": openstackRequestId };
    this.options = { service: "Glance", baseUrl, timeoutMs, getRetries, baseHeaders, onCall };
    this.getToken = getToken ?? (() => undefined);
  }

  private request(request: UpstreamRequest) {
    const token = this.getToken();
    return upstreamRequest(this.options, token ? { ...request, headers: { ...request.headers, "x-auth-token": token } } : request);
  }

  private async call<S extends z.ZodType>(schema: S, request: UpstreamRequest): Promise<z.infer<S>> {
    const response = await this.request(request);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      throw new ProblemError({
        code: "bad-gateway",
        status: 502,
        detail: `Glance answered ${request.method} ${request.path.split("?")[0]} with an unexpected document`,
        upstreamStatus: response.status,
        upstreamRequestId: response.headers.get("x-openstack-request-id") ?? undefined,
      });
    }
    return parsed.data;
  }

  private async send(request: UpstreamRequest): Promise<void> {
    await this.request(request);
  }

  /** `GET /versions` (200); Glance deployments that only serve `GET /` answer it with 300. */
  async versions() {
    try {
      return await this.call(GlanceVersionsSchema, { method: "GET", path: "/versions" });
    } catch (error) {
      if (!(error instanceof ProblemError) || error.init.upstreamStatus !== 404) throw error;
      return await this.call(GlanceVersionsSchema, { method: "GET", path: "/", acceptStatus: [300] });
    }
  }

  listImages(query: Query) {
    return this.call(GlanceImageListSchema, { method: "GET", path: "/v2/images", query });
  }

  getImage(imageId: string) {
    return this.call(GlanceImageSchema, { method: "GET", path: `/v2/images/${segment(imageId)}` });
  }

  createImage(image: Record<string, unknown>) {
    return this.call(GlanceImageSchema, { method: "POST", path: "/v2/images", body: image });
  }

  updateImage(imageId: string, ops: JsonPatchOp[]) {
    return this.call(GlanceImageSchema, {
      method: "PATCH",
      path: `/v2/images/${segment(imageId)}`,
      body: ops,
      contentType: JSON_PATCH_MEDIA_TYPE,
    });
  }

  deleteImage(imageId: string) {
    return this.send({ method: "DELETE", path: `/v2/images/${segment(imageId)}` });
  }

  async importMethods(): Promise<string[]> {
    const info = await this.call(GlanceImportInfoSchema, { method: "GET", path: "/v2/info/import" });
    return info["import-methods"].value;
  }

  importImage(imageId: string, method: { name: string; uri?: string }) {
    return this.send({ method: "POST", path: `/v2/images/${segment(imageId)}/import`, body: { method } });
  }

  listNamespaces(query: Query) {
    return this.call(GlanceNamespaceListSchema, { method: "GET", path: "/v2/metadefs/namespaces", query });
  }

  getNamespace(namespace: string, resourceType?: string) {
    return this.call(GlanceNamespaceSchema, {
      method: "GET",
      path: `/v2/metadefs/namespaces/${segment(namespace)}`,
      query: { resource_type: resourceType },
    });
  }

  listResourceTypes() {
    return this.call(GlanceResourceTypeListSchema, { method: "GET", path: "/v2/metadefs/resource_types" });
  }
}
