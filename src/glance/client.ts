import type { z } from "zod";
import { badRequest, ProblemError } from "../lib/problem";
import { type Query, type UpstreamOptions, type UpstreamRequest, upstreamRequest } from "../upstream/http";
import type { ChunkTap } from "../streams/large-chunks";
import { type StreamRequest, upstreamStream } from "../upstream/stream";
import {
  GlanceImageListSchema,
  GlanceImageSchema,
  GlanceImageTasksSchema,
  GlanceImportInfoSchema,
  GlanceNamespaceListSchema,
  GlanceNamespaceSchema,
  GlanceResourceTypeListSchema,
  type GlanceStore,
  GlanceStoresInfoSchema,
  GlanceUsageSchema,
  GlanceVersionsSchema,
  type JsonPatchOp,
} from "./schemas";
import type { GlanceImportRequest } from "./transform/image-import";
import { GLANCE_UUID } from "./transform/image-metadata";

export const JSON_PATCH_MEDIA_TYPE = "application/openstack-images-v2.1-json-patch";

export interface GlanceClientOptions {
  baseUrl: string;
  timeoutMs: number;
  openstackRequestId: string;
  /** Read at call time: the token requireToken accepted, if any. */
  getToken?: () => string | undefined;
  getRetries?: number;
  onCall?: UpstreamOptions["onCall"];
  /** Image data transfers: how long one may stall before it is aborted. */
  dataIdleTimeoutMs?: number;
  /** MAX_UPSTREAM_JSON_BYTES */
  maxResponseBytes?: number;
}

/** One path segment; `.` and `..` would name another path once the URL is resolved. */
function segment(value: string) {
  if (value === "" || value === "." || value === "..")
    throw new Error(`${JSON.stringify(value)} cannot be a path segment`);
  return encodeURIComponent(value);
}

/**
 * An image id as a path segment. Only a UUID is ever sent: the routes check it already, and this
 * keeps any other value (`..`, `../tasks`) from reaching another Glance path should one slip through.
 */
function imagePath(imageId: string) {
  if (!GLANCE_UUID.test(imageId))
    throw badRequest(
      "image_id",
      `${JSON.stringify(imageId.slice(0, 64))} is not an image id (a UUID); nothing was sent to Glance`,
      "path",
    );
  return `/v2/images/${imageId}`;
}

/** Glance v2, one method per call the API makes; responses are checked with zod. */
export class GlanceClient {
  private readonly options: UpstreamOptions;

  private readonly getToken: () => string | undefined;

  private readonly dataIdleTimeoutMs: number;

  /** This client's Glance; edge-cache keys are scoped by it (cache/keys.ts glanceCacheKey). */
  readonly baseUrl: string;

  constructor({
    baseUrl,
    timeoutMs,
    openstackRequestId,
    getToken,
    getRetries = 1,
    onCall,
    dataIdleTimeoutMs = 60_000,
    maxResponseBytes,
  }: GlanceClientOptions) {
    this.baseUrl = baseUrl;
    const baseHeaders = { "user-agent": "glance-edge", "x-openstack-request-id": openstackRequestId };
    this.options = { service: "Glance", baseUrl, timeoutMs, getRetries, baseHeaders, onCall, maxResponseBytes };
    this.getToken = getToken ?? (() => undefined);
    this.dataIdleTimeoutMs = dataIdleTimeoutMs;
  }

  private stream(request: StreamRequest) {
    const token = this.getToken();
    const { service, baseUrl, baseHeaders, onCall } = this.options;
    return upstreamStream(
      { service, baseUrl, baseHeaders, onCall, idleTimeoutMs: this.dataIdleTimeoutMs },
      token ? { ...request, headers: { ...request.headers, "x-auth-token": token } } : request,
    );
  }

  private request(request: UpstreamRequest) {
    const token = this.getToken();
    return upstreamRequest(
      this.options,
      token ? { ...request, headers: { ...request.headers, "x-auth-token": token } } : request,
    );
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
    return this.call(GlanceImageSchema, { method: "GET", path: imagePath(imageId) });
  }

  createImage(image: Record<string, unknown>) {
    return this.call(GlanceImageSchema, { method: "POST", path: "/v2/images", body: image });
  }

  updateImage(imageId: string, ops: JsonPatchOp[]) {
    return this.call(GlanceImageSchema, {
      method: "PATCH",
      path: imagePath(imageId),
      body: ops,
      contentType: JSON_PATCH_MEDIA_TYPE,
    });
  }

  deleteImage(imageId: string) {
    return this.send({ method: "DELETE", path: imagePath(imageId) });
  }

  /** `GET /v2/info/import`; none when Glance answers 404 (interoperable import is off). */
  async importMethods(): Promise<string[]> {
    try {
      const info = await this.call(GlanceImportInfoSchema, { method: "GET", path: "/v2/info/import" });
      return info["import-methods"].value;
    } catch (error) {
      if (error instanceof ProblemError && error.init.upstreamStatus === 404) return [];
      throw error;
    }
  }

  /** `POST /v2/images/{id}/import` (202); `options` are the body's keys beside `method` (stores, all_stores, …). */
  importImage(
    imageId: string,
    method: GlanceImportRequest["method"],
    options: Omit<GlanceImportRequest, "method"> = {},
  ) {
    return this.send({ method: "POST", path: `${imagePath(imageId)}/import`, body: { method, ...options } });
  }

  async listImageTasks(imageId: string) {
    const { tasks } = await this.call(GlanceImageTasksSchema, {
      method: "GET",
      path: `${imagePath(imageId)}/tasks`,
    });
    return tasks;
  }

  /** `POST /v2/images/{id}/actions/deactivate` or `reactivate` (204). */
  changeImageActivation(imageId: string, action: "deactivate" | "reactivate") {
    return this.send({ method: "POST", path: `${imagePath(imageId)}/actions/${action}` });
  }

  /** `GET /v2/info/stores`; none when Glance answers 404 (a single store: multi-store backends are not configured). */
  async stores(): Promise<GlanceStore[]> {
    try {
      return (await this.call(GlanceStoresInfoSchema, { method: "GET", path: "/v2/info/stores" })).stores;
    } catch (error) {
      if (error instanceof ProblemError && error.init.upstreamStatus === 404) return [];
      throw error;
    }
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

  // Image data: streamed through upstream/stream.ts, never buffered, never retried.

  /**
   * `PUT /v2/images/{id}/file` (204): the image's data; Glance stores it and makes the image active.
   * Without `contentLength` the body goes chunked. `tap` sees each chunk on its way (a digest).
   */
  async uploadImageData(
    imageId: string,
    body: ReadableStream<Uint8Array>,
    contentLength?: number,
    signal?: AbortSignal,
    tap?: ChunkTap,
  ): Promise<void> {
    await this.putData(`${imagePath(imageId)}/file`, { body, contentLength, signal, tap });
  }

  /** `PUT /v2/images/{id}/stage` (204): data for a later `glance-direct` import; the image becomes `uploading`. */
  async stageImageData(
    imageId: string,
    body: ReadableStream<Uint8Array>,
    contentLength?: number,
    signal?: AbortSignal,
    tap?: ChunkTap,
  ): Promise<void> {
    await this.putData(`${imagePath(imageId)}/stage`, { body, contentLength, signal, tap });
  }

  /**
   * `GET /v2/images/{id}/file`: Glance's answer (200, 206 for a Range, 204 when the image has no
   * data) with its body unread. Glance has no HEAD here (405).
   */
  downloadImageData(imageId: string, { range, signal }: { range?: string; signal?: AbortSignal } = {}) {
    return this.stream({
      method: "GET",
      path: `${imagePath(imageId)}/file`,
      headers: range ? { range } : {},
      signal,
    });
  }

  /** `GET /v2/info/usage`: the caller's quota usage; empty when Glance does not enforce quotas. */
  usage() {
    return this.call(GlanceUsageSchema, { method: "GET", path: "/v2/info/usage" });
  }

  private async putData(path: string, data: Pick<StreamRequest, "body" | "contentLength" | "signal" | "tap">) {
    const response = await this.stream({
      method: "PUT",
      path,
      headers: { "content-type": "application/octet-stream" },
      ...data,
    });
    await response.body?.cancel();
  }
}
