import type { GlanceTask } from "../schemas";

export interface ImageTask {
  id: string;
  type: string;
  status: string;
  message: string;
  image_id: string | null;
  owner: string | null;
  user_id: string | null;
  request_id: string | null;
  input: unknown;
  result: unknown;
  created_at: string | null;
  updated_at: string | null;
  expires_at: string | null;
}

const stringOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * One of an image's tasks. Glance answers its database rows (with `deleted`/`deleted_at`, always
 * false/null for a task it still lists); its API reference names two keys differently
 * (`request-id`, `user`), which are read too.
 */
export function toImageTask(task: GlanceTask): ImageTask {
  return {
    id: task.id,
    type: stringOrNull(task.type) ?? "",
    status: stringOrNull(task.status) ?? "",
    message: stringOrNull(task.message) ?? "",
    image_id: stringOrNull(task.image_id),
    owner: stringOrNull(task.owner),
    user_id: stringOrNull(task.user_id ?? task.user),
    request_id: stringOrNull(task.request_id ?? task["request-id"]),
    input: task.input ?? null,
    result: task.result ?? null,
    created_at: stringOrNull(task.created_at),
    updated_at: stringOrNull(task.updated_at),
    expires_at: stringOrNull(task.expires_at),
  };
}
