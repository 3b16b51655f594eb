import { z } from "@hono/zod-openapi";
import { ORIGINAL_JSON_FIELD } from "../../glance/transform/image-form";
import { createFields } from "./image-create.schemas";
import { customPropertiesOpenApi } from "./image-write.schemas";

/** The legacy form's file part. */
export const FORM_DATA_FIELD = "data";

/** Everything before the form's file part (the fields, with `$$originalJSON` holding them a second time) is capped. */
export const MAX_FORM_FIELD_BYTES = 256 * 1024;

const { data: _jsonData, ...formFields } = createFields;

/**
 * Horizon's legacy multipart create, for the document only: the route never validates a form
 * with it (that would buffer the file), the handler reads the form as a stream.
 */
export const CreateImageFormSchema = z
  .object({
    ...formFields,
    [ORIGINAL_JSON_FIELD]: z
      .string()
      .optional()
      .openapi({
        description:
          "Horizon's Angular client: every field again as one JSON object, with its JSON types. When present it replaces the other text fields (which are then not read), and its `data` must be empty or absent.",
        example: JSON.stringify({ name: "cirros", disk_format: "qcow2", min_disk: 1, protected: false, data: {} }),
      }),
    [FORM_DATA_FIELD]: z.any().optional().openapi({
      type: "string",
      format: "binary",
      description:
        "The image's bytes: a file part (with a filename, or Content-Type application/octet-stream), which must be the last part of the form. Streamed to Glance within the request; without it the image is created without data (queued).",
    }),
  })
  .catchall(z.string())
  .openapi("CreateImageForm", {
    ...customPropertiesOpenApi(false),
    description: [
      "The fields of the JSON create, as text: `min_disk`/`min_ram` are decimal integers (empty means 0), `protected`,",
      "`import_data`, `is_copying` and `os_hidden` are `true` or `false`, `kernel`/`ramdisk`/`source_type` empty mean null,",
      "`tags` may be repeated (one tag each); any other field given twice is a 400. Every other field is a custom property.",
      `Everything before the \`data\` part is at most ${MAX_FORM_FIELD_BYTES} bytes (413 otherwise).`,
    ].join(" "),
  });
