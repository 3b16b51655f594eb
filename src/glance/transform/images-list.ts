import { cutPage, type PageFlags } from "../../lib/pagination";
import type { GlanceImage } from "../schemas";
import { type HorizonImage, toHorizonImage } from "./images";

export interface ImageListPage extends PageFlags {
  items: HorizonImage[];
}

export interface PageShape {
  /** How many images to answer; `images` may hold one more, which proves there is more. */
  pageSize: number;
  markerGiven: boolean;
  /** The images came from Glance in the opposite direction (a previous page). */
  reversed: boolean;
}

/**
 * Horizon's page from up to pageSize+1 Glance images, list variant.
 *
 * Forward: Horizon's flags (`cutPage`). Reversed: the images were read backwards from the marker,
 * so they are put back in the caller's order; there is more data after this page (the marker
 * itself) when a marker was given, and earlier data when the extra image exists.
 */
export function toImageListPage(images: GlanceImage[], { pageSize, markerGiven, reversed }: PageShape): ImageListPage {
  const page = cutPage(images, pageSize, markerGiven);
  const items = page.items.map((image) => toHorizonImage(image, "list"));
  if (!reversed) return { items, has_more_data: page.has_more_data, has_prev_data: page.has_prev_data };
  return { items: items.reverse(), has_more_data: markerGiven, has_prev_data: page.has_more_data };
}
