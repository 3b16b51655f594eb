import type { GlanceStore } from "../schemas";

export interface StoreInfo {
  id: string;
  description: string;
  default: boolean;
  read_only: boolean;
}

/** One of a multi-store Glance's stores; Glance leaves out `default` and `read-only` when false. */
export function toStoreInfo(store: GlanceStore): StoreInfo {
  return {
    id: store.id,
    description: store.description ?? "",
    default: store.default === true,
    read_only: store["read-only"] === true,
  };
}
