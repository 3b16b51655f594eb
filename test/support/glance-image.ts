export const GLANCE_IMAGE_ID = "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10";

const core = (id: string) => ({
  id,
  name: "cirros" as string | null,
  status: "queued",
  visibility: "private",
  protected: false,
  os_hidden: false,
  owner: "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
  container_format: "bare" as string | null,
  disk_format: "qcow2" as string | null,
  min_ram: 0,
  min_disk: 0,
  size: null as number | null,
  virtual_size: null as number | null,
  checksum: null as string | null,
  os_hash_algo: null as string | null,
  os_hash_value: null as string | null,
  tags: [] as string[],
  created_at: "2026-11-20T10:01:02Z",
  updated_at: "2026-11-20T10:01:02Z",
  self: `/v2/images/${id}`,
  file: `/v2/images/${id}/file`,
  schema: "/v2/schemas/image",
});

export type GlanceImageRecord<O = object> = Omit<ReturnType<typeof core>, keyof O> & O;

/**
 * One image record as Glance 25 answers it (`GET /v2/images/{id}`, or `POST /v2/images` for a new
 * image): every core key, by default a queued image without data. `overrides` replace keys or add
 * custom properties; `self` and `file` follow the `id` given.
 */
export function glanceImage<O extends Record<string, unknown> = Record<never, never>>(
  overrides?: O,
): GlanceImageRecord<O> {
  const id = typeof overrides?.id === "string" ? overrides.id : GLANCE_IMAGE_ID;
  return { ...core(id), ...overrides } as unknown as GlanceImageRecord<O>;
}
