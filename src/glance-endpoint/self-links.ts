import { REGION_QUERY_KEY } from "./region";

/**
 * An image's URL in this API (a create's or an import's `Location`), with the region whose Glance
 * holds it in its query (as in {@link uploadUrl}), so following it reaches that same Glance.
 */
export function imageLocation(image: { id: string }, region: string | undefined): string {
  const path = `/api/glance/images/${encodeURIComponent(image.id)}/`;
  return region ? `${path}?${new URLSearchParams({ [REGION_QUERY_KEY]: region }).toString()}` : path;
}

/**
 * The absolute URL of `PUT /api/glance/images/{id}/file/` on this API. The region whose Glance
 * created the image (asked for with `?region=` or X-OpenStack-Region, or the default) goes in its
 * query, so the upload reaches that same Glance whatever the uploader's own default.
 */
export function uploadUrl(requestUrl: string, imageId: string, region: string | undefined): string {
  const url = new URL(`/api/glance/images/${encodeURIComponent(imageId)}/file/`, new URL(requestUrl).origin);
  if (region) url.searchParams.set(REGION_QUERY_KEY, region);
  return url.href;
}

/**
 * The absolute URL of a resumable upload (a creation's `Location`), with the region whose Glance takes its bytes
 * in its query, so every PATCH and HEAD of a tus client that follows it reaches the same region's upload.
 */
export function resumableUploadUrl(
  requestUrl: string,
  imageId: string,
  uploadId: string,
  region: string | undefined,
): string {
  const path = `/api/glance/images/${encodeURIComponent(imageId)}/uploads/${encodeURIComponent(uploadId)}/`;
  const url = new URL(path, new URL(requestUrl).origin);
  if (region) url.searchParams.set(REGION_QUERY_KEY, region);
  return url.href;
}
