import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { formToCreateRequest } from "../../glance/transform/image-form";
import { type CreateImageRequest, isEmptyData } from "../../glance/transform/image-metadata";
import { validationProblem } from "../../lib/create-router";
import { badRequest, invalidInput, ProblemError } from "../../lib/problem";
import { discardUpTo } from "../../streams/discard";
import { MultipartFormError, readStreamedForm, type StreamedFile } from "../../streams/multipart-form";
import { CreateImageBodySchema } from "./image-create.schemas";
import { FORM_DATA_FIELD, MAX_FORM_FIELD_BYTES } from "./image-form.schemas";

export interface CreateForm {
  request: CreateImageRequest;
  /** The `data` file part's bytes, still streaming from the request; absent when the form sent none. */
  data?: ReadableStream<Uint8Array>;
  /** Once the file stream has failed: the problem the form itself has (malformed, too large), if that is why. */
  formFailure: () => ProblemError | undefined;
}

/**
 * Horizon's legacy create form, read as a stream up to its file part: the fields as a create
 * request checked with the JSON create's rules and 400s, and a non-empty file. A refusal after
 * the fields reads and drops the rest of the body first (up to a bound), so that it reaches a
 * client still sending.
 */
export async function readCreateForm(c: Context<AppEnv>): Promise<CreateForm> {
  const form = await readForm(c);
  const noFailure = () => undefined;
  if (!form.file) return { request: formCreateRequest(form.fields, false), formFailure: noFailure };
  const file = form.file;
  const formFailure = () => {
    const failure = file.failure();
    return failure ? formProblem(failure) : undefined;
  };
  try {
    const request = formCreateRequest(form.fields, true);
    if (request.source_type === "url") {
      throw badRequest(FORM_DATA_FIELD, "a data file part cannot be sent with source_type url; send one or the other");
    }
    const hasBytes = await file.hasBytes().catch((error: unknown) => {
      throw formFailure() ?? error;
    });
    if (!hasBytes)
      throw badRequest(
        FORM_DATA_FIELD,
        "the data file part is empty; send the image's bytes, or no data part for an image without data",
      );
    return { request, data: file.stream, formFailure };
  } catch (error) {
    await discardUpTo(file.stream);
    throw error;
  }
}

async function readForm(c: Context<AppEnv>): Promise<{ fields: [string, string][]; file?: StreamedFile }> {
  try {
    return await readStreamedForm(c.req.raw.body, c.req.raw.headers, {
      fileField: FORM_DATA_FIELD,
      maxFieldBytes: MAX_FORM_FIELD_BYTES,
      maxFileBytes: c.get("config").MAX_UPLOAD_BYTES,
    });
  } catch (error) {
    throw error instanceof MultipartFormError ? formProblem(error) : error;
  }
}

function formProblem(error: MultipartFormError): ProblemError {
  if (error.status === 400)
    return badRequest(error.field, error.message, error.field === "content-type" ? "header" : "body");
  return new ProblemError({ code: "content-too-large", status: 413, detail: error.message });
}

/** The form as a validated create body: the JSON create's rules and 400s, each issue naming its field. */
function formCreateRequest(fields: [string, string][], hasFile: boolean): CreateImageRequest {
  const { body, issues } = formToCreateRequest(fields);
  if (issues.length > 0) throw invalidInput(issues.map((issue) => ({ location: "body", ...issue })));
  if (Object.keys(body).length === 0 && hasFile) return {};
  if (Object.keys(body).length === 0) throw badRequest("(root)", "the form has no fields and no data file part");
  if (!isEmptyData(body.data)) {
    throw badRequest(
      FORM_DATA_FIELD,
      "in a multipart form the image data is the data file part; $$originalJSON's data must be empty or absent",
    );
  }
  const parsed = CreateImageBodySchema.safeParse(body);
  if (!parsed.success) throw validationProblem({ target: "form", error: parsed.error });
  return parsed.data as CreateImageRequest;
}
