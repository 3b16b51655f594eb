import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../../glance-endpoint/route-access";
import { jsonContent } from "../../lib/create-router";
import { problemResponses } from "../../lib/problem-responses";
import { ImageIdParamsSchema, ImageListSchema, ImageSchema } from "./images.schemas";
import { ListImagesQuerySchema } from "./list-query";

export const listImages = createRoute({
  method: "get",
  path: "/api/glance/images/",
  operationId: "listImages",
  tags: ["images"],
  summary: "List images",
  description: [
    "Images visible to the caller's project, in Horizon's list shape, from `GET /v2/images?<filters>&limit=<n>&sort_key=<k>&sort_dir=<d>[&marker=<m>]`.",
    "",
    "**Paging.** With `paginate=true` one page of `limit` (default `API_RESULT_PAGE_SIZE`) images is answered; Glance is asked for one more to set",
    "`has_more_data`, and `has_prev_data` is true when a `marker` was given (Horizon's meaning). With `reversed_order=true` the page *before*",
    "`marker` is answered, still in the requested order: `has_more_data` is then true when a marker was given and `has_prev_data` says",
    "whether Glance had more images before the page. Without `paginate`, up to `limit` (default `API_RESULT_LIMIT`) images are answered and",
    "`has_more_data` says truthfully whether Glance had more. Glance caps each of its pages (`api_limit_max`), so further pages are",
    "fetched, asking for the remaining count each time, until enough images arrived or Glance has no more.",
    "",
    "**Filters.** The named parameters are checked before Glance is called; any other key is sent to Glance as it is, where it filters on",
    "the custom property of that name (`?os_distro=ubuntu`). A misspelt filter therefore matches nothing rather than failing.",
    "Every key may be given once, except `tag`.",
    "",
    "**Differs from Horizon** (deliberately): `paginate=false`/`0` means false (Horizon pages); `is_public=true|false` works in any case",
    "(Horizon: 500) and anything else is a 400; repeated `tag`s are all sent (Horizon splits one tag into characters and keeps only the",
    "last); `limit` is honoured up to `API_RESULT_LIMIT` (Horizon ignores it); `reversed_order` gives a real previous page (Horizon sends",
    "it to Glance as a property filter); the unpaginated list no longer stops silently at 1000; an invalid `sort_key`, `sort_dir` or",
    "filter value, `sort=` (Glance's other sort syntax) and contradictory filters are a 400 before any Glance call",
    "(Horizon: Glance's 400 or a 500); `protected`/`os_hidden` are sent lowercase; a key given twice is a 400 (Horizon keeps the last).",
    "Each item also carries `tags` and `virtual_size` at top level. Glance's 4xx answers pass through with Glance's message in `detail`.",
  ].join("\n"),
  ...authenticated,
  request: { query: ListImagesQuerySchema },
  responses: {
    200: jsonContent(ImageListSchema, "A page of images, list variant"),
    ...problemResponses(400, 401, 403),
  },
});

export const getImage = createRoute({
  method: "get",
  path: "/api/glance/images/{image_id}/",
  operationId: "getImage",
  tags: ["images"],
  summary: "Get one image",
  description: [
    "One image in Horizon's detail shape, from `GET /v2/images/{image_id}`: `properties` also holds `file`, `schema`, `tags`,",
    "`virtual_size`, `locations`, `kernel_id`, `ramdisk_id` and `image_url` when Glance shows them.",
    "An id that is not a UUID is answered 404 without asking Glance, as Horizon answers it (Glance's 404); `default`,",
    "which Horizon's url_regex names, is such an id.",
    "Glance answers 404 also for an image that exists but is not visible to the caller's project; its message is in `detail`.",
    "Differs from Horizon: errors are problem documents, and `tags`/`virtual_size` are also at top level.",
  ].join("\n"),
  ...authenticated,
  request: { params: ImageIdParamsSchema },
  responses: {
    200: jsonContent(ImageSchema, "The image, detail variant"),
    ...problemResponses(400, 401, 403, 404),
  },
});

export const deleteImage = createRoute({
  method: "delete",
  path: "/api/glance/images/{image_id}/",
  operationId: "deleteImage",
  tags: ["images"],
  summary: "Delete an image",
  description: [
    "Deletes the image with `DELETE /v2/images/{image_id}` and answers 204 with no body.",
    "Glance refuses a protected image with 403 (`Image <id> is protected and cannot be deleted.`), an unknown one with 404 and an image",
    "its store still uses with 409; each passes through with Glance's message in `detail`.",
    "Differs from Horizon: errors are problem documents, and the 204 has no Content-Type.",
  ].join("\n"),
  ...authenticated,
  request: { params: ImageIdParamsSchema },
  responses: {
    204: { description: "Deleted" },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export type ListImagesRoute = typeof listImages;
export type GetImageRoute = typeof getImage;
export type DeleteImageRoute = typeof deleteImage;
