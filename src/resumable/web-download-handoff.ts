import { ProblemError } from "../lib/problem";
import type { HandoffOutcome, HandoffRequest, HandoffUpload } from "./handoff";

/**
 * `web-download`: Glance pulls the assembled bytes from this API with a signed URL. Not in this build
 * yet: the upload routes refuse to create an upload in this mode (uploads.handlers.ts), so nothing is
 * stored that could not be handed off.
 */
export async function webDownloadHandoff(upload: HandoffUpload, request: HandoffRequest): Promise<HandoffOutcome> {
  void upload;
  void request;
  throw new ProblemError({
    code: "not-implemented",
    status: 501,
    detail: "UPLOAD_HANDOFF=web-download is not available in this build; set UPLOAD_HANDOFF=stage",
  });
}

/** Whether this build can hand uploads off in `web-download` mode. */
export const WEB_DOWNLOAD_AVAILABLE = false;
