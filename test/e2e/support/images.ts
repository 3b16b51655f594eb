import { e2e } from "./context";
import { glance } from "./http";
import type { Account } from "./stack";

export interface GlanceImage {
  id: string;
  name: string | null;
  status: string;
  visibility: string;
  protected: boolean;
  tags: string[];
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
  size: number | null;
  [key: string]: unknown;
}

/** A unique image name for this run (the global teardown deletes every image whose name starts with the run prefix). */
export function imageName(label: string): string {
  return `${e2e().runPrefix}-${label}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Creates a queued image directly in Glance (a fixture; not the code under test). */
export async function createGlanceImage(image: Record<string, unknown>, as: Account = "demo"): Promise<GlanceImage> {
  const response = await glance("/v2/images", {
    method: "POST",
    as,
    body: { disk_format: "raw", container_format: "bare", ...image },
  });
  if (response.status !== 201) throw new Error(`fixture create failed: ${response.status} ${response.text}`);
  return response.body as GlanceImage;
}

/** Every image of `name`, as Glance shows it to `as`. */
export async function glanceImagesNamed(name: string, as: Account = "demo"): Promise<GlanceImage[]> {
  const response = await glance(`/v2/images?name=${encodeURIComponent(name)}`, { as });
  if (response.status !== 200) throw new Error(`Glance list failed: ${response.status} ${response.text}`);
  return (response.body as { images: GlanceImage[] }).images;
}

/** The images of `name` still there once the Worker has had up to `ms` to delete them (its rollback runs after the answer). */
export async function imagesLeftNamed(name: string, ms = 10_000): Promise<GlanceImage[]> {
  const until = Date.now() + ms;
  let left = await glanceImagesNamed(name);
  while (left.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = await glanceImagesNamed(name);
  }
  return left;
}

export async function glanceImage(id: string, as: Account = "demo"): Promise<GlanceImage> {
  const response = await glance(`/v2/images/${id}`, { as });
  if (response.status !== 200) throw new Error(`Glance GET ${id} failed: ${response.status} ${response.text}`);
  return response.body as GlanceImage;
}

/** Deletes images as admin, unprotecting them first when needed; already-gone images are fine. */
export async function deleteImages(ids: Iterable<string>): Promise<void> {
  for (const id of new Set(ids)) {
    let response = await glance(`/v2/images/${id}`, { method: "DELETE", as: "admin" });
    if (response.status === 403) {
      await glance(`/v2/images/${id}`, {
        method: "PATCH",
        as: "admin",
        body: [{ op: "replace", path: "/protected", value: false }],
        contentType: "application/openstack-images-v2.1-json-patch",
      });
      response = await glance(`/v2/images/${id}`, { method: "DELETE", as: "admin" });
    }
    if (response.status !== 204 && response.status !== 404) {
      console.warn(`cleanup: DELETE image ${id} answered ${response.status} ${response.text}`);
    }
  }
}
