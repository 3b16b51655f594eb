import type { FieldIssue } from "./image-metadata";

export const IMPORT_METHODS = ["glance-direct", "web-download", "copy-image", "glance-download"] as const;
export type ImportMethod = (typeof IMPORT_METHODS)[number];

export const GLANCE_SERVICE_INTERFACES = ["public", "internal", "admin"] as const;

/** The body of `POST /api/glance/images/{image_id}/import/`, each field already valid on its own. */
export interface ImportImageRequest {
  method: ImportMethod;
  uri?: string;
  glance_image_id?: string;
  glance_region?: string;
  glance_service_interface?: (typeof GLANCE_SERVICE_INTERFACES)[number];
  stores?: string[];
  all_stores?: boolean;
  all_stores_must_succeed?: boolean;
}

/** The body of Glance's `POST /v2/images/{id}/import`. */
export interface GlanceImportRequest {
  method: {
    name: ImportMethod;
    uri?: string;
    glance_image_id?: string;
    glance_region?: string;
    glance_service_interface?: string;
  };
  stores?: string[];
  all_stores?: boolean;
  all_stores_must_succeed?: boolean;
}

const GLANCE_DOWNLOAD_FIELDS = ["glance_image_id", "glance_region", "glance_service_interface"] as const;

/** The rules that depend on the method (Glance checks some only after it has locked the image, or not at all). */
export function importRequestIssues(request: ImportImageRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { method } = request;
  if (method === "web-download" && request.uri === undefined)
    issues.push({ field: "uri", message: "uri is required with the web-download method" });
  if (method !== "web-download" && request.uri !== undefined)
    issues.push({ field: "uri", message: "uri is only for the web-download method" });
  if (method === "glance-download") {
    for (const field of ["glance_image_id", "glance_region"] as const) {
      if (request[field] === undefined)
        issues.push({ field, message: `${field} is required with the glance-download method` });
    }
  } else {
    for (const field of GLANCE_DOWNLOAD_FIELDS) {
      if (request[field] !== undefined)
        issues.push({ field, message: `${field} is only for the glance-download method` });
    }
  }
  if (request.stores !== undefined && request.all_stores === true) {
    issues.push({ field: "all_stores", message: "all_stores: true cannot be combined with stores; send one of them" });
  }
  if (method === "copy-image" && request.stores === undefined && request.all_stores !== true) {
    issues.push({ field: "stores", message: "copy-image needs the stores to copy to: stores, or all_stores: true" });
  }
  return issues;
}

/** Our flat body as Glance's: the method's own fields go inside `method`. */
export function toGlanceImportRequest(request: ImportImageRequest): GlanceImportRequest {
  const method: GlanceImportRequest["method"] = { name: request.method };
  if (request.uri !== undefined) method.uri = request.uri;
  for (const field of GLANCE_DOWNLOAD_FIELDS) {
    const value = request[field];
    if (value !== undefined) method[field] = value;
  }
  const glanceRequest: GlanceImportRequest = { method };
  if (request.stores !== undefined) glanceRequest.stores = request.stores;
  if (request.all_stores !== undefined) glanceRequest.all_stores = request.all_stores;
  if (request.all_stores_must_succeed !== undefined)
    glanceRequest.all_stores_must_succeed = request.all_stores_must_succeed;
  return glanceRequest;
}

/** Whether the import names stores, which only a multi-store Glance can honour (a single-store one ignores them). */
export const importNamesStores = (request: ImportImageRequest) =>
  request.stores !== undefined || request.all_stores === true;

/** Why the deployment cannot take this import as asked, or undefined when it can. */
export function importMethodProblem(method: ImportMethod, offered: readonly string[]): string | undefined {
  if (offered.includes(method)) return undefined;
  return `Glance does not offer the ${method} import method here (offered: ${offered.join(", ") || "none"})`;
}

/** Why the stores named cannot be used, given the stores Glance has (empty: a single-store Glance). */
export function importStoresProblem(request: ImportImageRequest, storeIds: readonly string[]): FieldIssue | undefined {
  if (!importNamesStores(request)) return undefined;
  const field = request.stores !== undefined ? "stores" : "all_stores";
  if (storeIds.length === 0) {
    return {
      field,
      message:
        "Glance has a single store here (no multi-store backends), so stores and all_stores cannot be honoured; leave them out",
    };
  }
  const unknown = (request.stores ?? []).filter((store) => !storeIds.includes(store));
  if (unknown.length === 0) return undefined;
  return {
    field,
    message: `unknown store${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (Glance's stores: ${storeIds.join(", ")})`,
  };
}
