export interface paths {
    "/api/glance/version/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Glance API version
         * @description The major version of Glance's CURRENT API as a string (`"2"`), as Horizon returns it, plus `current_version` (e.g. `"2.15"`).
         *
         *     Differs from Horizon: Horizon answers from its settings without asking Glance; this reads Glance's versions document
         *     (`GET /versions`, falling back to `GET /`, which Glance answers with 300) and caches it at the edge
         *     (TTL `VERSION_CACHE_TTL`, then served stale for `CACHE_STALE_TTL` while one refresh runs). Errors are never cached.
         *     Needs no token when `GLANCE_URL` is set: Glance's versions document is public. Without `GLANCE_URL` Glance is found in the caller's
         *     Keystone catalog, so a token is then required (401 without one) and the answer is that of the chosen region's Glance; the cache
         *     is keyed by the Glance endpoint, so one region's answer is never served for another.
         *     It takes no query parameters besides `region`: any other is refused with a 400.
         */
        get: operations["getGlanceVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List images
         * @description Images visible to the caller's project, in Horizon's list shape, from `GET /v2/images?<filters>&limit=<n>&sort_key=<k>&sort_dir=<d>[&marker=<m>]`.
         *
         *     **Paging.** With `paginate=true` one page of `limit` (default `API_RESULT_PAGE_SIZE`) images is answered; Glance is asked for one more to set
         *     `has_more_data`, and `has_prev_data` is true when a `marker` was given (Horizon's meaning). With `reversed_order=true` the page *before*
         *     `marker` is answered, still in the requested order: `has_more_data` is then true when a marker was given and `has_prev_data` says
         *     whether Glance had more images before the page. Without `paginate`, up to `limit` (default `API_RESULT_LIMIT`) images are answered and
         *     `has_more_data` says truthfully whether Glance had more. Glance caps each of its pages (`api_limit_max`), so further pages are
         *     fetched, asking for the remaining count each time, until enough images arrived or Glance has no more.
         *
         *     **Filters.** The named parameters are checked before Glance is called; any other key is sent to Glance as it is, where it filters on
         *     the custom property of that name (`?os_distro=ubuntu`). A misspelt filter therefore matches nothing rather than failing.
         *     Every key may be given once, except `tag`.
         *
         *     **Differs from Horizon** (deliberately): `paginate=false`/`0` means false (Horizon pages); `is_public=true|false` works in any case
         *     (Horizon: 500) and anything else is a 400; repeated `tag`s are all sent (Horizon splits one tag into characters and keeps only the
         *     last); `limit` is honoured up to `API_RESULT_LIMIT` (Horizon ignores it); `reversed_order` gives a real previous page (Horizon sends
         *     it to Glance as a property filter); the unpaginated list no longer stops silently at 1000; an invalid `sort_key`, `sort_dir` or
         *     filter value, `sort=` (Glance's other sort syntax) and contradictory filters are a 400 before any Glance call
         *     (Horizon: Glance's 400 or a 500); `protected`/`os_hidden` are sent lowercase; a key given twice is a 400 (Horizon keeps the last).
         *     Each item also carries `tags` and `virtual_size` at top level. Glance's 4xx answers pass through with Glance's message in `detail`.
         */
        get: operations["listImages"];
        /**
         * Create an image (PUT, as Horizon's UI sends it)
         * @description Creates an image from JSON, in Horizon's shape: Horizon's defaults (`name` `""`, `raw`/`bare`, `private`, not protected,
         *     `min_disk`/`min_ram` 0) and disk format fix-ups apply, `kernel`/`ramdisk` become `kernel_id`/`ramdisk_id`, and every
         *     other key is a custom property.
         *
         *     Glance calls:
         *     - `source_type: url` with `import_data: true`: `GET /v2/info/import` first (a 400 and nothing created when Glance does
         *       not offer `web-download`), then `POST /v2/images`, `POST /v2/images/{id}/import` with
         *       `{"method": {"name": "web-download", "uri": image_url}}`, and `GET /v2/images/{id}` for the answer.
         *     - `source_type: url` with `import_data` false or absent: `POST /v2/images`, then the json-patch
         *       `[{"op": "add", "path": "/locations/-", "value": {"url": image_url, "metadata": {}}}]`, whose answer is the image.
         *     - otherwise: `POST /v2/images` only; the image stays `queued` until its data is uploaded to Glance.
         *     If the second step fails, the image just created is deleted (its `protected` flag is cleared first when set) and
         *     Glance's error is returned, so a failed create leaves nothing behind.
         *
         *     Answers 201, `Location: /api/glance/images/{id}/`, and the image as Glance has it after the last step, in the same
         *     detail shape as `GET` on that Location.
         *
         *     Differs from Horizon:
         *     - Validated as Glance's image schema would, before any Glance call, every problem named in `errors[]` with a 400:
         *       `visibility`, formats, `name` length, `min_disk`/`min_ram` non-negative integers, `kernel`/`ramdisk` UUIDs, custom
         *       property names (at most 255 characters; not reserved: `os_glance_*`, `location`, `deleted`, `deleted_at`; not
         *       read-only: `self`, `file`, `schema`, `direct_url`, `stores`, `status`, `checksum`, `size`, `virtual_size`,
         *       `created_at`, `updated_at`, `os_hash_algo`, `os_hash_value`, `locations`) and values (strings of at most 255
         *       characters). Horizon answers 500 or lets Glance refuse. An empty body or `{}` is a 400.
         *     - Keys Horizon silently ignores are honoured or refused: `tags`, `owner`, `id` and `os_hidden` go to Glance;
         *       `is_public`, `properties`, `kernel_id` and `ramdisk_id` are 400s naming the field to use instead.
         *     - `import_data: true` really imports the data (Horizon sends a `copy_from` property that Glance v2 ignores, and the
         *       image stays queued forever).
         *     - Direct upload (`data` names a file) answers with `upload_url`, this API's own `PUT /api/glance/images/{id}/file/` for
         *       the new image (with `?region=` the region that created it), and never a `token_id` (Horizon hands the caller's Keystone token
         *       back in the body, with Glance's own URL). Send the bytes there with your X-Auth-Token header.
         *     - `Location` is the id-based URL of the new image (Horizon uses the unencoded name, `None` for null), with
         *       `?region=` naming the region whose Glance holds it whenever a region served the request.
         *     - The body is the detail variant after the last step (Horizon: the list variant of the POST answer, still queued
         *       and without the location).
         *     - POST and PUT are the same operation for JSON (Horizon's POST is its multipart upload; JSON there silently created an
         *       empty image).
         */
        put: operations["createImageWithPut"];
        /**
         * Create an image (POST: JSON, or Horizon's legacy multipart upload)
         * @description Creates an image from JSON, in Horizon's shape: Horizon's defaults (`name` `""`, `raw`/`bare`, `private`, not protected,
         *     `min_disk`/`min_ram` 0) and disk format fix-ups apply, `kernel`/`ramdisk` become `kernel_id`/`ramdisk_id`, and every
         *     other key is a custom property.
         *
         *     Glance calls:
         *     - `source_type: url` with `import_data: true`: `GET /v2/info/import` first (a 400 and nothing created when Glance does
         *       not offer `web-download`), then `POST /v2/images`, `POST /v2/images/{id}/import` with
         *       `{"method": {"name": "web-download", "uri": image_url}}`, and `GET /v2/images/{id}` for the answer.
         *     - `source_type: url` with `import_data` false or absent: `POST /v2/images`, then the json-patch
         *       `[{"op": "add", "path": "/locations/-", "value": {"url": image_url, "metadata": {}}}]`, whose answer is the image.
         *     - otherwise: `POST /v2/images` only; the image stays `queued` until its data is uploaded to Glance.
         *     If the second step fails, the image just created is deleted (its `protected` flag is cleared first when set) and
         *     Glance's error is returned, so a failed create leaves nothing behind.
         *
         *     Answers 201, `Location: /api/glance/images/{id}/`, and the image as Glance has it after the last step, in the same
         *     detail shape as `GET` on that Location.
         *
         *     Differs from Horizon:
         *     - Validated as Glance's image schema would, before any Glance call, every problem named in `errors[]` with a 400:
         *       `visibility`, formats, `name` length, `min_disk`/`min_ram` non-negative integers, `kernel`/`ramdisk` UUIDs, custom
         *       property names (at most 255 characters; not reserved: `os_glance_*`, `location`, `deleted`, `deleted_at`; not
         *       read-only: `self`, `file`, `schema`, `direct_url`, `stores`, `status`, `checksum`, `size`, `virtual_size`,
         *       `created_at`, `updated_at`, `os_hash_algo`, `os_hash_value`, `locations`) and values (strings of at most 255
         *       characters). Horizon answers 500 or lets Glance refuse. An empty body or `{}` is a 400.
         *     - Keys Horizon silently ignores are honoured or refused: `tags`, `owner`, `id` and `os_hidden` go to Glance;
         *       `is_public`, `properties`, `kernel_id` and `ramdisk_id` are 400s naming the field to use instead.
         *     - `import_data: true` really imports the data (Horizon sends a `copy_from` property that Glance v2 ignores, and the
         *       image stays queued forever).
         *     - Direct upload (`data` names a file) answers with `upload_url`, this API's own `PUT /api/glance/images/{id}/file/` for
         *       the new image (with `?region=` the region that created it), and never a `token_id` (Horizon hands the caller's Keystone token
         *       back in the body, with Glance's own URL). Send the bytes there with your X-Auth-Token header.
         *     - `Location` is the id-based URL of the new image (Horizon uses the unencoded name, `None` for null), with
         *       `?region=` naming the region whose Glance holds it whenever a region served the request.
         *     - The body is the detail variant after the last step (Horizon: the list variant of the POST answer, still queued
         *       and without the location).
         *     - POST and PUT are the same operation for JSON (Horizon's POST is its multipart upload; JSON there silently created an
         *       empty image).
         *
         *     **POST with `multipart/form-data`** is Horizon's legacy upload (`CreateImageForm`): the text fields are the JSON
         *     create's, typed from their strings (or Horizon's `$$originalJSON` field, which replaces them), and checked with the same
         *     rules and 400s before any Glance call. The `data` file part must be the last part; it is streamed to Glance within the
         *     request, never held: `POST /v2/images`, then `PUT /v2/images/{id}/file` (chunked, as a file part has no length) and
         *     `GET /v2/images/{id}`. The SHA-512 of the data is computed as it passes and compared with Glance's `os_hash_value`
         *     (a mismatch is a 502 naming both), and answered as `Repr-Digest`. The answer is 201 once Glance has the data (the image
         *     `active`), or the upload's real error (Glance's 4xx with its status, 400 for a malformed form, 413 over `MAX_UPLOAD_BYTES`
         *     or a Glance quota, 408 when the client stops sending the data part for `UPLOAD_IDLE_TIMEOUT_MS`, 502/504 for Glance)
         *     with the new image deleted; the clean-up is registered before Glance's create, so a caller who hangs up at any point
         *     (during the create too) leaves no image behind. The data's format is inspected in the same pass as for `PUT …/file/`
         *     (`FORMAT_INSPECTION`): data in another format than the form's `disk_format`, or an unsafe disk image (a qcow2 with a
         *     backing file, say), is a 400 (`image-format-mismatch`, `unsafe-image`) naming what was found, the upload aborted before
         *     Glance keeps it and the new image deleted; the answer names the format as `X-Image-Format`. Digest headers are not read
         *     here (they would describe the whole form): to check the data end to end, create the image, then `PUT …/file/` with
         *     `Repr-Digest`. An empty `data` part
         *     is a 400 (send no part for an image without data). Horizon answers 201 before uploading from its disk in a background
         *     thread whose failures are only logged, and turns every error into an HTML 500.
         */
        post: operations["createImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one image
         * @description One image in Horizon's detail shape, from `GET /v2/images/{image_id}`: `properties` also holds `file`, `schema`, `tags`,
         *     `virtual_size`, `locations`, `kernel_id`, `ramdisk_id` and `image_url` when Glance shows them.
         *     An id that is not a UUID is answered 404 without asking Glance, as Horizon answers it (Glance's 404); `default`,
         *     which Horizon's url_regex names, is such an id.
         *     Glance answers 404 also for an image that exists but is not visible to the caller's project; its message is in `detail`.
         *     Differs from Horizon: errors are problem documents, and `tags`/`virtual_size` are also at top level.
         */
        get: operations["getImage"];
        put?: never;
        post?: never;
        /**
         * Delete an image
         * @description Deletes the image with `DELETE /v2/images/{image_id}` and answers 204 with no body.
         *     Glance refuses a protected image with 403 (`Image <id> is protected and cannot be deleted.`), an unknown one with 404 and an image
         *     its store still uses with 409; each passes through with Glance's message in `detail`.
         *     Differs from Horizon: errors are problem documents, and the 204 has no Content-Type.
         */
        delete: operations["deleteImage"];
        options?: never;
        head?: never;
        /**
         * Update an image's fields and custom properties
         * @description One `GET /v2/images/{id}`, then one `PATCH /v2/images/{id}` (`application/openstack-images-v2.1-json-patch`) holding
         *     only the real changes: `replace` for a base field or a property the image has, `add` for a new custom property,
         *     `remove` for a custom property set to null that the image has. No change, no PATCH. Answers 204.
         *     The disk format fix-ups of create apply (`ami`/`aki`/`ari`, `docker`, `vhd`, `ova` decide the container format).
         *
         *     Differs from Horizon:
         *     - A partial update: `name`, `disk_format`, `visibility` and `protected` are required, every other field changes only
         *       when present. Horizon resets omitted fields to its create defaults (`{"name": "x"}` made a public image private
         *       and `raw`).
         *     - null removes a custom property (`description`, `architecture`, `kernel`, `ramdisk` included); `min_disk`/`min_ram`
         *       null means 0. `tags` replaces the image's tags.
         *     - Horizon's image document cannot be echoed back: read-only keys (`id`, `status`, `size`, `checksum`, `created_at`, …),
         *       reserved ones (`os_glance_*`, `location`, `deleted`, `deleted_at`), `is_public`, `properties`, `kernel_id`,
         *       `ramdisk_id` and the create-only fields (`source_type`, `image_url`, `import_data`, `data`, `is_copying`) are 400s
         *       naming each key, before any Glance call, as are invalid values (Horizon: 500s, or silently dropped).
         *     - No `replace /tags` is appended to every patch, no schema fetches, and no re-read after the PATCH.
         *     - An unknown image is Glance's 404 from the GET, with no PATCH.
         */
        patch: operations["updateImage"];
        trace?: never;
    };
    "/api/glance/images/{image_id}/properties/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An image's custom properties
         * @description One `GET /v2/images/{id}`; answers every key of Glance's image except the 16 core attributes of Horizon's image
         *     document (`name`, `size`, `architecture`, …), `self`, `file`, `schema`, `locations`, `tags`, `virtual_size`,
         *     `kernel_id`, `ramdisk_id` and `image_url`: the custom properties plus `os_hidden`, `os_hash_algo`, `os_hash_value`,
         *     and `direct_url`, `stores` and `os_glance_*` keys when Glance shows them. The same object as Horizon's.
         *
         *     Differs from Horizon: only the exact path matches (Horizon also answers `…/properties/anything`), and no schema is
         *     fetched.
         */
        get: operations["getImageProperties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set and remove an image's custom properties
         * @description One `GET /v2/images/{id}`, then one `PATCH /v2/images/{id}` (`application/openstack-images-v2.1-json-patch`) with
         *     only the real changes: `remove` for each name in `removed` that the image has and that is not also in `updated`,
         *     `replace` for an updated property the image has (unless its value is unchanged), `add` for a new one. No change, no
         *     PATCH. Answers 204.
         *
         *     Differs from Horizon:
         *     - `updated` is required with a 400 (Horizon: 500 `"'updated'"`); values must be strings of at most 255 characters
         *       (Horizon: 500), and `kernel_id`/`ramdisk_id` UUIDs. Unknown top-level fields are 400s.
         *     - `os_hidden` accepts JSON booleans and `"true"`/`"false"` and is sent as a boolean (Horizon turned a JSON `true`
         *       into false).
         *     - Keys Glance would refuse are 400s before any Glance call, in `updated` and in `removed`: base properties
         *       (`name`, `visibility`, `protected`, `disk_format`, `container_format`, `min_disk`, `min_ram`, `tags`, `owner`; change
         *       them with `PATCH /api/glance/images/{image_id}/`), `os_glance_*`, `location`, `deleted`, `deleted_at`, `self`, `file`,
         *       `schema`, `direct_url`, `stores`, `os_hash_algo`, `os_hash_value` and the other read-only keys. `os_hidden` cannot
         *       be removed. Horizon passes them on and Glance refuses the whole patch with 403.
         *     - No `replace /tags` op, no schema fetches, no re-read after the PATCH.
         */
        patch: operations["updateImageProperties"];
        trace?: never;
    };
    "/api/glance/metadefs/namespaces/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List metadata definition namespaces with their details
         * @description One `GET /v2/metadefs/namespaces` (`limit` = the page size + 1, never more than `API_RESULT_LIMIT`; the page size is the
         *     caller's `limit`, else `API_RESULT_PAGE_SIZE` with `paginate` and `API_RESULT_LIMIT` without,
         *     reading on from the last namespace while Glance says `next`), then `GET /v2/metadefs/namespaces/{namespace}[?resource_type=…]` for each namespace
         *     of the page, at most `NAMESPACE_DETAIL_CONCURRENCY` at a time. `items` keeps the list's order; each item is Glance's
         *     detail without `self`. Query keys other than the documented ones are passed to Glance as filters (Glance ignores the
         *     ones it does not know). With `properties_target`, further list pages are read until the page is full, as Horizon's
         *     lazy iterator does.
         *
         *     Caching: the list call is never cached (it is where Glance decides what this caller may see). The detail of a
         *     namespace whose `visibility` is `public` is the same for every caller Glance lists it to, so it is edge-cached for
         *     `PUBLIC_NAMESPACE_CACHE_TTL` seconds (default 60; `0` turns it off), keyed by namespace, resource type and the
         *     namespace's `updated_at`. Private namespaces are always read from Glance with the caller's token.
         *
         *     Differs from Horizon:
         *     - `resource_type` is optional (Horizon answers 500 without it); without it the details carry unprefixed property names.
         *     - `resource_types` is used only without `resource_type`; both with different values is a 400 (Horizon silently lets
         *       `resource_type` win). `properties_target` is applied here and not sent to Glance; without a resource type it is a 400.
         *     - `limit` is honoured exactly as by the image list (page size with `paginate`, cap without, at most `API_RESULT_LIMIT`;
         *       `has_more_data` truthful); Horizon ignores it.
         *     - Bad `sort_key`/`sort_dir`/`visibility`/`paginate`/`limit`, a repeated keyword, a key without a name or a
         *       `__proto__` key are 400s before any Glance call (Horizon: 500, or last value wins, or silently overwritten or dropped).
         *     - Further list pages are our own query with `marker` = the last namespace read: Glance's `next` link keeps only the
         *       last value of a repeated filter.
         *     - Flags are Horizon's page cut (`has_prev_data` = a marker was given) without its `sort_dir=desc` quirk that reports
         *       `has_more_data` for a short page. Without `paginate`, `has_more_data` is true when reading stopped at the
         *       `API_RESULT_LIMIT` cap while Glance still offered a next page (Horizon truncates silently); `has_prev_data` is false.
         *       With `paginate` and `properties_target`, the same cap can stop reading with less than a page kept: `has_more_data`
         *       is then true when Glance offered a next page.
         *     - No match is `items: []` (Horizon master answers 500). A failing detail call fails the whole request with Glance's
         *       status and the namespace named in `detail`, never a partial list.
         */
        get: operations["listMetadefsNamespaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/metadefs/resourcetypes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List metadata definition resource types
         * @description Glance's `GET /v2/metadefs/resource_types` as `{"items": [{"name", "created_at", "updated_at"}, …]}`, each item
         *     with the keys Glance gave (`updated_at` is often absent). The path is Horizon's, without an underscore.
         *
         *     Differs from Horizon: Horizon never calls Glance here and answers a Python generator's repr as `items`.
         *
         *     Caching: the list is global, so it is edge-cached (TTL `RESOURCE_TYPES_CACHE_TTL`, then served stale for
         *     `CACHE_STALE_TTL` while one background refresh runs; see `Cache-Status`). Errors are never cached. A cached list is
         *     only served to a token that is good:
         *     - with `KEYSTONE_URL` set, the token is first validated with Keystone (`GET /v3/auth/tokens`); a refusal is a 401 with
         *       no Glance call, cached or not. Keystone's answer is cached (keyed by a hash of the token) until the token expires or
         *       `TOKEN_VERDICT_TTL` passes, whichever is first; it is the same lookup that finds Glance in the catalog without
         *       `GLANCE_URL`, so a new token costs one Keystone call. The check also applies Glance's default policy for
         *       `list_metadef_resource_types`: a project-scoped token with the reader, member or admin role, or an admin token; any
         *       other valid token is a 403. One shared entry then serves every accepted caller. A deployment with a stricter Glance
         *       policy should leave `KEYSTONE_URL` empty.
         *     - without `KEYSTONE_URL`, each entry is keyed by a hash of the token, so only a token Glance accepted reads it; it is
         *       never served stale: a token revoked after a good call can still read its own entry for at most
         *       `RESOURCE_TYPES_CACHE_TTL`.
         *     With the cache off (`RESOURCE_TYPES_CACHE_TTL=0`) every call goes to Glance with the caller's token and Keystone is not asked.
         */
        get: operations["listMetadefsResourceTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/file/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an image's data
         * @description Streams the image's data from `GET /v2/images/{image_id}/file` (never held in the Worker), with `Content-Length`,
         *     `Content-MD5` (RFC 1864, base64; not on a 206), `Content-Type: application/octet-stream`, `Content-Disposition: attachment` named after the image,
         *     `Cache-Control: private, no-store` and, when Glance hashed it with sha512, `Repr-Digest` (RFC 9530) of the whole image.
         *     A `Range` is passed to Glance: 206 with `Content-Range`, or a 416 problem whose `Content-Range` gives the size.
         *     An image without data answers 204. A deactivated image is a 403 for everyone but an admin, as Glance says.
         *     Glance must start answering within `UPLOAD_IDLE_TIMEOUT_MS` (else 504); the data then flows until it ends or the client hangs up.
         *     `HEAD` answers the same headers without the data.
         */
        get: operations["downloadImageFile"];
        /**
         * Upload an image's data
         * @description Streams the body to `PUT /v2/images/{image_id}/file`. Glance stores it and makes the image `active`; the answer is the
         *     image re-read after Glance's 204 (detail variant), so `status`, `size` and checksums are there at once.
         *
         *     The body is streamed to Glance as it arrives: never held in the Worker, never retried. A transfer that stalls for
         *     `UPLOAD_IDLE_TIMEOUT_MS` is aborted: 408 when the client stopped sending, 504 when Glance stopped taking the data or
         *     answering; a client that hangs up aborts Glance's request at once, and Glance puts the image
         *     back to `queued`.
         *
         *     Refused before a byte moves and with no Glance write: a Content-Type other than `application/octet-stream` (415), no
         *     `Content-Length` (411; Glance is always sent the length, never chunked input), a length over `MAX_UPLOAD_BYTES` when it is
         *     set (413), a length over what is left of the caller's quota when `GET /v2/info/usage` reports one (413 naming both numbers).
         *
         *     While streaming, the SHA-512 of what passed through is computed; when Glance reports an `os_hash_value` (sha512) that differs,
         *     the answer is a 502 naming both digests. The digest is answered as `Repr-Digest`.
         *
         *     **End-to-end integrity.** Send the data's `Repr-Digest` or `Content-Digest` (RFC 9530, `sha-256` or `sha-512`; this API
         *     prefers them as `Want-Repr-Digest: sha-512=10, sha-256=9` says) and/or `Content-MD5`: they are computed in the same pass,
         *     and the last chunk is held back until they are known, so a mismatch aborts Glance's request before it has every byte (400
         *     `digest-mismatch` naming both values; the image stays `queued`). A malformed digest header is a 400 before any byte moves.
         *
         *     **Format inspection** (`FORMAT_INSPECTION`, default `enforce`). The image's `disk_format` is read before a byte moves, and
         *     the leading bytes are inspected in the same pass: raw, qcow2, vmdk, vhd, vhdx, vdi, iso, qed, luks, gpt/mbr. Refused with
         *     a 400 naming what was found, the upload aborted before Glance keeps anything: data in another format than `disk_format`
         *     (Glance's `require_image_format_match` rules: `raw` takes anything that is not another known format, `iso` an ISO,
         *     `ami`/`ari`/`aki` anything; checked for `bare` containers), and unsafe images in any format: a qcow2 with a backing file,
         *     an external data file or unknown incompatible features, a vmdk that is not one self-contained monolithicSparse or
         *     streamOptimized file, a differencing vhd/vhdx, qed, and a declared virtual size over `MAX_VIRTUAL_SIZE_BYTES`. The answer
         *     names the format as `X-Image-Format`. `report` lets such data through and says what `enforce` would refuse in
         *     `X-Image-Format` and the access log; `off` inspects nothing.
         *     Glance's 403, 404, 409 (wrong status), 410 and 413 (size or quota) keep their status, with Glance's message in `detail`.
         *     Do not send this through a Cloudflare plan limit: request bodies are capped at 100 MB (Free, Pro), 200 MB (Business),
         *     500 MB (Enterprise); import larger images with `web-download` or upload them to Glance directly.
         *     Differs from Horizon: Horizon spools the upload to its own disk and answers before Glance has the data (failures are only logged).
         */
        put: operations["uploadImageFile"];
        post?: never;
        delete?: never;
        options?: never;
        /**
         * An image's data headers, without the data
         * @description The headers `GET` would answer (size, MD5, disposition, digest), from Glance's `HEAD /v2/images/{image_id}/file`.
         */
        head: operations["headImageFile"];
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/stage/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Stage an image's data for a glance-direct import
         * @description Streams the body to `PUT /v2/images/{image_id}/stage`; the image becomes `uploading` until a `glance-direct` import.
         *     The answer is the image re-read after Glance's 204 (detail variant). The quota checked is `image_stage_total`.
         *
         *     The body is streamed to Glance as it arrives: never held in the Worker, never retried. A transfer that stalls for
         *     `UPLOAD_IDLE_TIMEOUT_MS` is aborted: 408 when the client stopped sending, 504 when Glance stopped taking the data or
         *     answering; a client that hangs up aborts Glance's request at once, and Glance puts the image
         *     back to `queued`.
         *
         *     Refused before a byte moves and with no Glance write: a Content-Type other than `application/octet-stream` (415), no
         *     `Content-Length` (411; Glance is always sent the length, never chunked input), a length over `MAX_UPLOAD_BYTES` when it is
         *     set (413), a length over what is left of the caller's quota when `GET /v2/info/usage` reports one (413 naming both numbers).
         *
         *     While streaming, the SHA-512 of what passed through is computed; when Glance reports an `os_hash_value` (sha512) that differs,
         *     the answer is a 502 naming both digests. The digest is answered as `Repr-Digest`.
         *
         *     **End-to-end integrity.** Send the data's `Repr-Digest` or `Content-Digest` (RFC 9530, `sha-256` or `sha-512`; this API
         *     prefers them as `Want-Repr-Digest: sha-512=10, sha-256=9` says) and/or `Content-MD5`: they are computed in the same pass,
         *     and the last chunk is held back until they are known, so a mismatch aborts Glance's request before it has every byte (400
         *     `digest-mismatch` naming both values; the image stays `queued`). A malformed digest header is a 400 before any byte moves.
         *
         *     **Format inspection** (`FORMAT_INSPECTION`, default `enforce`). The image's `disk_format` is read before a byte moves, and
         *     the leading bytes are inspected in the same pass: raw, qcow2, vmdk, vhd, vhdx, vdi, iso, qed, luks, gpt/mbr. Refused with
         *     a 400 naming what was found, the upload aborted before Glance keeps anything: data in another format than `disk_format`
         *     (Glance's `require_image_format_match` rules: `raw` takes anything that is not another known format, `iso` an ISO,
         *     `ami`/`ari`/`aki` anything; checked for `bare` containers), and unsafe images in any format: a qcow2 with a backing file,
         *     an external data file or unknown incompatible features, a vmdk that is not one self-contained monolithicSparse or
         *     streamOptimized file, a differencing vhd/vhdx, qed, and a declared virtual size over `MAX_VIRTUAL_SIZE_BYTES`. The answer
         *     names the format as `X-Image-Format`. `report` lets such data through and says what `enforce` would refuse in
         *     `X-Image-Format` and the access log; `off` inspects nothing.
         *     Glance's 403, 404, 409 (wrong status), 410 and 413 (size or quota) keep their status, with Glance's message in `detail`.
         *     Do not send this through a Cloudflare plan limit: request bodies are capped at 100 MB (Free, Pro), 200 MB (Business),
         *     500 MB (Enterprise); import larger images with `web-download` or upload them to Glance directly.
         */
        put: operations["stageImageData"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/uploads/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a resumable upload of an image's data (tus creation)
         * @description Creates a tus upload for a `queued` image (read from Glance with the caller's token; another status is a 409) and
         *     answers 201 with its `Location` (absolute, keeping the region). With a body (`Content-Type:
         *     application/offset+octet-stream`, creation-with-upload) the first chunk is stored at once; if that chunk fails, the
         *     answer is the chunk's problem with the upload's `Location`, so the client resumes there.
         *
         *     **tus 1.0.0** (https://tus.io/protocols/resumable-upload): core, and the extensions creation, creation-with-upload,
         *     termination, checksum (sha1, sha256, sha512, md5) and expiration. Every answer carries `Tus-Resumable: 1.0.0`; every
         *     request but OPTIONS must send it (else 412). Browsers: with `CORS_ALLOWED_ORIGINS` set, the tus request headers are
         *     allowed and its answer headers exposed, so tus-js-client and Uppy work from a page.
         *
         *     **Chunk below `MAX_REQUEST_BODY_BYTES`** (default 104857600, Cloudflare Free/Pro's request body limit; OPTIONS answers it
         *     as `Tus-Max-Chunk-Size`): a larger PATCH (or creation body) is a 413 before a byte is stored. A chunk needs
         *     `Content-Length`; it is stored whole or not at all (a body that breaks off, stalls for `UPLOAD_IDLE_TIMEOUT_MS` or fails
         *     its `Upload-Checksum` leaves the offset where it was).
         *
         *     The upload belongs to the image, the region and the caller: with `KEYSTONE_URL` the token's project (any token of that
         *     project may resume it), without it the token that created it. Anyone else gets a 404.
         *
         *     **Hand-off.** When the last byte lands, the upload is handed to Glance by `UPLOAD_HANDOFF`: `stage` streams the bytes to
         *     `PUT /v2/images/{image_id}/stage` (with their SHA-512 and the format inspection of every upload path: an unsafe image or a
         *     `disk_format` mismatch fails the hand-off before Glance keeps the data) and starts a `glance-direct` import, then checks
         *     Glance's `os_hash_value` once the image is active. It runs in the upload's Durable Object, not in the request. `HEAD` (or
         *     `GET`) says where it stands; the bytes are deleted once it is done, kept after a failure so that
         *     `POST …/uploads/{upload_id}/handoff/` can retry it, and freed when the upload expires.
         *
         *     `UPLOAD_HANDOFF=web-download` needs `PUBLIC_BASE_URL` and the `UPLOAD_SIGNING_KEY` secret (else a 500
         *     `configuration-error` naming them); where this build has no `web-download` hand-off, it is a 501 before anything is stored.
         */
        post: operations["createResumableUpload"];
        delete?: never;
        /**
         * What the resumable uploads offer (tus discovery)
         * @description No token needed. `Tus-Version`, `Tus-Extension`, `Tus-Checksum-Algorithm`, `Tus-Max-Size` (`MAX_UPLOAD_BYTES`, when
         *     set) and `Tus-Max-Chunk-Size` (`MAX_REQUEST_BODY_BYTES`: the largest chunk one request may carry).
         */
        options: operations["resumableUploadOptions"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/uploads/{upload_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A resumable upload's state, with its hand-off to Glance (JSON)
         * @description The upload as JSON (offset, length, metadata, expiry, and the hand-off with the problem of a failed one). `HEAD` is tus's
         *     answer: the same in headers. No `Tus-Resumable` is needed on `GET`.
         *
         *     **Hand-off.** When the last byte lands, the upload is handed to Glance by `UPLOAD_HANDOFF`: `stage` streams the bytes to
         *     `PUT /v2/images/{image_id}/stage` (with their SHA-512 and the format inspection of every upload path: an unsafe image or a
         *     `disk_format` mismatch fails the hand-off before Glance keeps the data) and starts a `glance-direct` import, then checks
         *     Glance's `os_hash_value` once the image is active. It runs in the upload's Durable Object, not in the request. `HEAD` (or
         *     `GET`) says where it stands; the bytes are deleted once it is done, kept after a failure so that
         *     `POST …/uploads/{upload_id}/handoff/` can retry it, and freed when the upload expires.
         */
        get: operations["getResumableUpload"];
        put?: never;
        post?: never;
        /**
         * Terminate a resumable upload (tus termination)
         * @description Frees the upload's stored bytes at once; the upload then answers 404. Refused (409) while its hand-off to Glance runs.
         */
        delete: operations["deleteResumableUpload"];
        /**
         * What the resumable uploads offer (tus discovery)
         * @description No token needed. `Tus-Version`, `Tus-Extension`, `Tus-Checksum-Algorithm`, `Tus-Max-Size` (`MAX_UPLOAD_BYTES`, when
         *     set) and `Tus-Max-Chunk-Size` (`MAX_REQUEST_BODY_BYTES`: the largest chunk one request may carry).
         */
        options: operations["resumableUploadResourceOptions"];
        /**
         * A resumable upload's offset (tus HEAD)
         * @description tus HEAD: `Upload-Offset`, `Upload-Length`, `Upload-Metadata`, `Upload-Expires`, `Cache-Control: no-store`, and where
         *     the hand-off stands: `Upload-Handoff`, with `Upload-Handoff-Problem` (the problem type) and `Upload-Handoff-Detail`
         *     after a failure.
         */
        head: operations["headResumableUpload"];
        /**
         * Append a chunk to a resumable upload (tus PATCH)
         * @description Stores the body at `Upload-Offset`, which must be the upload's offset (else 409, as is a second PATCH while one is
         *     writing: one wins, the other gets the 409, nothing is corrupted). The chunk streams into R2 and is committed once whole;
         *     204 with the new `Upload-Offset`. The chunk that completes the upload starts the hand-off (`Upload-Handoff: pending`).
         *
         *     **tus 1.0.0** (https://tus.io/protocols/resumable-upload): core, and the extensions creation, creation-with-upload,
         *     termination, checksum (sha1, sha256, sha512, md5) and expiration. Every answer carries `Tus-Resumable: 1.0.0`; every
         *     request but OPTIONS must send it (else 412). Browsers: with `CORS_ALLOWED_ORIGINS` set, the tus request headers are
         *     allowed and its answer headers exposed, so tus-js-client and Uppy work from a page.
         *
         *     **Chunk below `MAX_REQUEST_BODY_BYTES`** (default 104857600, Cloudflare Free/Pro's request body limit; OPTIONS answers it
         *     as `Tus-Max-Chunk-Size`): a larger PATCH (or creation body) is a 413 before a byte is stored. A chunk needs
         *     `Content-Length`; it is stored whole or not at all (a body that breaks off, stalls for `UPLOAD_IDLE_TIMEOUT_MS` or fails
         *     its `Upload-Checksum` leaves the offset where it was).
         *
         *     The upload belongs to the image, the region and the caller: with `KEYSTONE_URL` the token's project (any token of that
         *     project may resume it), without it the token that created it. Anyone else gets a 404.
         */
        patch: operations["patchResumableUpload"];
        trace?: never;
    };
    "/api/glance/images/{image_id}/uploads/{upload_id}/handoff/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a complete upload's hand-off to Glance
         * @description Starts the hand-off again with the caller's token, after it failed (Glance down, say) or was interrupted: the bytes are
         *     kept until the upload expires. 202 with the upload; follow it with HEAD or GET. A hand-off in progress or done, or an
         *     upload not yet complete, is a 409.
         */
        post: operations["retryResumableUploadHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/import/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an image's data (interoperable import)
         * @description Starts Glance's interoperable import of the image's data and answers **202** with the image as Glance has it right
         *     after and `Location: /api/glance/images/{id}/`. Glance imports in a background thread, so that image may still be
         *     `uploading`/`queued` or already `importing` (or `active` for copy-image): follow
         *     the image until it is `active`, or `GET /api/glance/images/{image_id}/tasks/` to see the import's progress or why it
         *     failed (`os_glance_failed_import` on the image names the stores that failed).
         *
         *     Glance calls: `GET /v2/info/import`; `GET /v2/info/stores` only when `stores` or `all_stores: true` is sent; then
         *     `POST /v2/images/{id}/import` with `{"method": {"name": method, "uri"?, "glance_image_id"?, "glance_region"?,
         *     "glance_service_interface"?}, "stores"?, "all_stores"?, "all_stores_must_succeed"?}`; then `GET /v2/images/{id}`.
         *
         *     Refused with a 400 before the import call (nothing changes in Glance), in this order:
         *     - before any Glance call: a body that is not an object, an unknown field, a missing or unknown `method`, a field
         *       of the wrong shape (`uri` not http(s), `glance_image_id` not a UUID, an empty or repeated `stores`);
         *     - a method Glance does not offer here (`GET /v2/info/import`; the problem names the ones it offers), whatever
         *       else the body lacks;
         *     - the offered method's own fields missing or sent with another method: `web-download` needs `uri`,
         *       `glance-download` needs `glance_image_id` and `glance_region`; `copy-image` needs `stores` or
         *       `all_stores: true`; `stores` cannot be combined with `all_stores: true`;
         *     - `stores`/`all_stores: true` on a single-store Glance (it would silently ignore them), or a store id Glance does
         *       not have.
         *
         *     Glance's own refusals keep their status: 409 when the image is in the wrong status for the method (glance-direct
         *     needs `uploading`, i.e. staged data; web-download and glance-download need `queued`; copy-image needs `active`) or
         *     an import is already running, 403 when the caller may not import into it, 404, 413 over quota.
         *
         *     Not in Horizon (its UI uploads through the web server instead).
         */
        post: operations["importImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/tasks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An image's tasks (imports and their progress)
         * @description One `GET /v2/images/{id}/tasks`: the tasks that worked on the image, such as its imports, with their status
         *     (`pending`, `processing`, `success`, `failure`), progress or failure `message`, `input` (the import request) and
         *     `result`. Glance's database-only keys (`deleted`, `deleted_at`) are left out. An image the caller cannot see is a
         *     404. Not in Horizon.
         */
        get: operations["listImageTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/actions/deactivate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate an image (its data can no longer be downloaded)
         * @description One `POST /v2/images/{id}/actions/deactivate`; answers 204.
         *     A deactivated image keeps its data, but nobody but an admin can download it (Glance answers 403); `reactivate` undoes it.
         *     Glance's refusals keep their status: 403 under its policy or for an image in another status than `active` or
         *     `deactivated` (Glance 25 answers 403 for a `queued` one; newer releases 400), 404.
         *
         *     Also answered without the trailing slash, the path Horizon's UI calls (Horizon master's
         *     `/api/glance/images/{id}/actions/deactivate`), with no 308 in between.
         *
         *     Differs from Horizon: 204 with no body (Horizon answers 200 `[[], null]`, a serialised Python tuple).
         */
        post: operations["deactivateImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/images/{image_id}/actions/reactivate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a deactivated image
         * @description One `POST /v2/images/{id}/actions/reactivate`; answers 204.
         *     The image becomes `active` again and its data can be downloaded.
         *     Glance's refusals keep their status: 403 under its policy or for an image in another status than `active` or
         *     `deactivated` (Glance 25 answers 403 for a `queued` one; newer releases 400), 404.
         *
         *     Also answered without the trailing slash, the path Horizon's UI calls (Horizon master's
         *     `/api/glance/images/{id}/actions/reactivate`), with no 308 in between.
         *
         *     Differs from Horizon: 204 with no body (Horizon answers 200 `[[], null]`, a serialised Python tuple).
         */
        post: operations["reactivateImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/info/import/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The import methods Glance offers
         * @description One `GET /v2/info/import`; answers its `import-methods` value as `import_methods` (an empty list when Glance answers
         *     404: interoperable import is off). A client decides from it how to send image data: `glance-direct` (stage, then
         *     import), `web-download` (Glance fetches a URL), `copy-image`, `glance-download`. Not in Horizon.
         */
        get: operations["getImportMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/info/stores/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Glance's stores (multi-store deployments)
         * @description One `GET /v2/info/stores`: the stores of a multi-store Glance, with the default one marked. A single-store Glance
         *     answers that call with 404 ("Multi backend is not supported at this site", checked against Glance 25); this answers
         *     200 with an empty list instead, since there is nothing to choose. Not in Horizon.
         */
        get: operations["getStores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/info/usage/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's quota usage
         * @description One `GET /v2/info/usage`, answered as Glance has it: the caller's project usage and limit per resource, or an
         *     empty `usage` when Glance does not enforce Keystone unified limits (Glance 25 out of the box). Not in Horizon.
         */
        get: operations["getUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/glance/regions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Regions with a Glance for this token
         * @description The regions that offer an `image` endpoint (interface `GLANCE_INTERFACE`) in the caller's Keystone catalog, and the one a request
         *     without `X-OpenStack-Region` or `?region=` goes to: for a region picker, as on Horizon's login page. Endpoint URLs are not shown.
         *     The catalog comes from Keystone (`GET /v3/auth/tokens`, the token as its own subject) and is cached per token like every
         *     catalog lookup (never past the token's expiry nor `TOKEN_VERDICT_TTL`). A token Keystone refuses is a 401; a token whose
         *     catalog has no image endpoint gets an empty list.
         *     With `GLANCE_URL` set the catalog is not read: the list holds `DEFAULT_REGION` when it is set, else nothing.
         *     Not in Horizon (its region list is a login-page setting).
         */
        get: operations["listRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The fields of the JSON create, as text: `min_disk`/`min_ram` are decimal integers (empty means 0), `protected`, `import_data`, `is_copying` and `os_hidden` are `true` or `false`, `kernel`/`ramdisk`/`source_type` empty mean null, `tags` may be repeated (one tag each); any other field given twice is a 400. Every other field is a custom property. Everything before the `data` part is at most 262144 bytes (413 otherwise). */
        CreateImageForm: {
            /**
             * @description Choose the new image's id (Glance answers 409 if it is taken); Glance picks one when absent
             * @example 6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10
             */
            id?: string;
            /**
             * @description At most 255 characters; null for an unnamed image. Default `""`.
             * @example ubuntu-22.04
             */
            name?: string | null;
            /**
             * @description The `description` custom property
             * @example Ubuntu 22.04 LTS
             */
            description?: string;
            /**
             * @description The `architecture` custom property
             * @example x86_64
             */
            architecture?: string;
            /**
             * @description `url`: the data comes from `image_url`. `file` (Horizon's UI sends `file-direct` or `file-legacy`), null or absent: a queued image whose data is uploaded afterwards.
             * @example url
             * @enum {string|null}
             */
            source_type?: "url" | "file" | "file-direct" | "file-legacy" | null;
            /**
             * Format: uri
             * @description Required with source_type `url`, refused otherwise
             * @example https://cloud-images.example.org/jammy.qcow2
             */
            image_url?: string;
            /**
             * @description With source_type `url`: true makes Glance download the data (interoperable import, `web-download`); false (the default) registers `image_url` as the image's location.
             * @example true
             */
            import_data?: boolean;
            /**
             * @description Horizon's UI sends `false`; accepted with no effect. `true` is refused: use `import_data`.
             * @example false
             */
            is_copying?: boolean;
            /**
             * @description Default `raw`. Glance's disk formats, plus Horizon's `docker` (sent as disk `raw`, container `docker`) and `ova` (disk `vmdk`, container `ova`). `ami`/`aki`/`ari` set the container format to the same value, `vhd` sets it to `ovf`.
             * @example qcow2
             * @enum {string}
             */
            disk_format?: "ami" | "ari" | "aki" | "vhd" | "vhdx" | "vmdk" | "raw" | "qcow2" | "vdi" | "iso" | "ploop" | "docker" | "ova";
            /**
             * @description Default `bare`; overridden by the disk format fix-ups
             * @example bare
             * @enum {string}
             */
            container_format?: "ami" | "ari" | "aki" | "bare" | "ovf" | "ova" | "docker" | "compressed";
            /**
             * @description Id of the kernel image; stored as Glance's `kernel_id`. null means none.
             * @example 0a0b0c0d-0000-4000-8000-000000000001
             */
            kernel?: string | null;
            /**
             * @description Id of the ramdisk image; stored as Glance's `ramdisk_id`. null means none.
             * @example 0a0b0c0d-0000-4000-8000-000000000002
             */
            ramdisk?: string | null;
            /**
             * @description GiB needed to boot; null means 0
             * @example 10
             */
            min_disk?: number | null;
            /**
             * @description MiB needed to boot; null means 0
             * @example 512
             */
            min_ram?: number | null;
            /**
             * @description public, private, shared or community. Default `private`.
             * @example shared
             * @enum {string}
             */
            visibility?: "public" | "private" | "shared" | "community";
            /**
             * @description A protected image cannot be deleted. Default false.
             * @example false
             */
            protected?: boolean;
            /**
             * @description Glance's image tags (Horizon ignores them)
             * @example [
             *       "lts"
             *     ]
             */
            tags?: string[];
            /**
             * @description Owning project id; Glance's policy decides who may set it
             * @example 0a1b2c3d4e5f40718293a4b5c6d7e8f9
             */
            owner?: string;
            /**
             * @description Hide the image from default lists; a boolean, or "true"/"false" (sent to Glance as a boolean)
             * @example false
             */
            os_hidden?: boolean | ("true" | "false");
            /**
             * @description Horizon's Angular client: every field again as one JSON object, with its JSON types. When present it replaces the other text fields (which are then not read), and its `data` must be empty or absent.
             * @example {"name":"cirros","disk_format":"qcow2","min_disk":1,"protected":false,"data":{}}
             */
            $$originalJSON?: string;
            /**
             * Format: binary
             * @description The image's bytes: a file part (with a filename, or Content-Type application/octet-stream), which must be the last part of the form. Streamed to Glance within the request; without it the image is created without data (queued).
             */
            data?: string;
        } & {
            [key: string]: unknown;
        };
        GlanceVersion: {
            /**
             * @description Major version of Glance's CURRENT API, as Horizon returns it
             * @example 2
             */
            version: string;
            /**
             * @description Major.minor of Glance's CURRENT API
             * @example 2.15
             */
            current_version: string;
        };
        /** @description RFC 9457 problem details; every non-2xx answer has this shape. */
        Problem: {
            /**
             * @description Which kind of problem this is, one of a closed set (`urn:glance-edge:problem:` and the code); `title` names it in words
             * @example urn:glance-edge:problem:glance-error
             * @enum {string}
             */
            type: "urn:glance-edge:problem:validation-error" | "urn:glance-edge:problem:malformed-json" | "urn:glance-edge:problem:unsupported-media-type" | "urn:glance-edge:problem:content-too-large" | "urn:glance-edge:problem:unauthenticated" | "urn:glance-edge:problem:forbidden" | "urn:glance-edge:problem:not-found" | "urn:glance-edge:problem:method-not-allowed" | "urn:glance-edge:problem:glance-error" | "urn:glance-edge:problem:bad-gateway" | "urn:glance-edge:problem:gateway-timeout" | "urn:glance-edge:problem:configuration-error" | "urn:glance-edge:problem:length-required" | "urn:glance-edge:problem:conflict" | "urn:glance-edge:problem:image-format-mismatch" | "urn:glance-edge:problem:unsafe-image" | "urn:glance-edge:problem:digest-mismatch" | "urn:glance-edge:problem:request-timeout" | "urn:glance-edge:problem:unsupported-protocol-version" | "urn:glance-edge:problem:checksum-mismatch" | "urn:glance-edge:problem:gone" | "urn:glance-edge:problem:not-implemented" | "urn:glance-edge:problem:internal-error";
            /** @example Glance refused the request */
            title: string;
            /** @example 404 */
            status: number;
            /** @example No image found with ID 9b7e0a5e-2f0c-4c0e-8f0a-2f3d7c1e9b10 */
            detail: string;
            /** @example /api/glance/images/9b7e0a5e-2f0c-4c0e-8f0a-2f3d7c1e9b10/ */
            instance: string;
            /** @example 4f3c6c1e-3b9a-4d7e-9d43-1f6a2b7c8d90 */
            request_id: string;
            errors?: components["schemas"]["FieldError"][];
            /** @description Glance's HTTP status, for upstream failures */
            upstream_status?: number;
            /**
             * @description Glance's x-openstack-request-id, for upstream failures
             * @example req-0b0c1d2e-3f40-4152-a3b4-c5d6e7f80912
             */
            upstream_request_id?: string;
        };
        FieldError: {
            /**
             * @example body
             * @enum {string}
             */
            location: "query" | "path" | "body" | "header";
            /** @example visibility */
            field: string;
            /** @example invalid visibility option: bogus */
            message: string;
        };
        /** @description A page of images (list variant) with Horizon's paging flags */
        ImageList: {
            items: components["schemas"]["Image"][];
            /**
             * @description There are images after this page (in the requested order): ask again with `marker` = the last item's id
             * @example true
             */
            has_more_data: boolean;
            /**
             * @description There are images before this page: a marker was given (Horizon's meaning), or, with `reversed_order`, Glance had more images before this page
             * @example false
             */
            has_prev_data: boolean;
        };
        /** @description An image in Horizon's shape (16 core attributes + properties, plus tags and virtual_size) */
        Image: {
            /** @example 6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10 */
            id: string;
            /**
             * @description Null for an unnamed image
             * @example ubuntu-22.04
             */
            name: string | null;
            /**
             * @description Glance status: queued, saving, importing, active, killed, deleted, deactivated
             * @example active
             */
            status: string | null;
            /**
             * @description public, private, shared or community
             * @example public
             */
            visibility: string | null;
            /**
             * @description Owning project id
             * @example 0a1b2c3d4e5f40718293a4b5c6d7e8f9
             */
            owner: string | null;
            /**
             * @description MD5 of the data; null until data is uploaded
             * @example 2f0a8e6b0e5f3c1d8c9a7b6e5d4c3b2a
             */
            checksum: string | null;
            /**
             * @description Null if never set
             * @example bare
             */
            container_format: string | null;
            /**
             * @description Null if never set
             * @example qcow2
             */
            disk_format: string | null;
            /**
             * @description ISO 8601
             * @example 2026-11-20T10:01:02Z
             */
            created_at: string | null;
            /**
             * @description ISO 8601
             * @example 2026-11-20T10:03:44Z
             */
            updated_at: string | null;
            /**
             * @description GiB
             * @example 0
             */
            min_disk: number | null;
            /**
             * @description MiB
             * @example 0
             */
            min_ram: number | null;
            /** @example false */
            protected: boolean | null;
            /**
             * @description The `architecture` custom property, lifted to the top level
             * @example x86_64
             */
            architecture: string | null;
            /**
             * @description Bytes; 0 while Glance has no data (Glance says null)
             * @example 683606016
             */
            size: number;
            /**
             * @description `visibility == "public"`
             * @example true
             */
            is_public: boolean;
            /**
             * @description Not in Horizon's list variant; added here
             * @example [
             *       "lts"
             *     ]
             */
            tags: string[];
            /**
             * @description Not in Horizon's list variant; added here
             * @example 2361393152
             */
            virtual_size: number | null;
            /**
             * @description Every other Glance key except `self`: custom properties, `os_hidden`, `os_hash_*`, … The detail variant also holds `file`, `schema`, `tags`, `virtual_size`, `locations`, `kernel_id`, `ramdisk_id`, `image_url`.
             * @example {
             *       "os_hidden": false,
             *       "os_hash_algo": "sha512",
             *       "description": "Ubuntu 22.04 LTS",
             *       "hw_disk_bus": "virtio"
             *     }
             */
            properties: {
                [key: string]: unknown;
            };
        };
        /** @description The created image; with `upload_url` for a direct upload */
        CreatedImage: components["schemas"]["Image"] & {
            /**
             * Format: uri
             * @description Only when the body's `data` named a file (Horizon's direct mode): the absolute URL of this API's `PUT /api/glance/images/{image_id}/file/` for the new image, with `?region=` the region whose Glance created it (when there is one), so the upload reaches the same Glance. PUT the bytes there with your own X-Auth-Token header; no token is ever returned.
             * @example https://glance-edge.example.org/api/glance/images/6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10/file/
             */
            upload_url?: string;
        };
        /**
         * @description Image fields; every other key is a custom property whose value must be a string of at most 255 characters (names at most 255 characters, not reserved or read-only).
         * @example {
         *       "name": "ubuntu-22.04",
         *       "description": "Ubuntu 22.04 LTS",
         *       "source_type": "url",
         *       "image_url": "https://cloud-images.example.org/jammy.qcow2",
         *       "import_data": true,
         *       "disk_format": "qcow2",
         *       "min_disk": 10,
         *       "min_ram": 512,
         *       "visibility": "shared",
         *       "protected": false,
         *       "hw_disk_bus": "virtio"
         *     }
         */
        CreateImageRequest: {
            /**
             * @description Choose the new image's id (Glance answers 409 if it is taken); Glance picks one when absent
             * @example 6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10
             */
            id?: string;
            /**
             * @description At most 255 characters; null for an unnamed image. Default `""`.
             * @example ubuntu-22.04
             */
            name?: string | null;
            /**
             * @description The `description` custom property
             * @example Ubuntu 22.04 LTS
             */
            description?: string;
            /**
             * @description The `architecture` custom property
             * @example x86_64
             */
            architecture?: string;
            /**
             * @description `url`: the data comes from `image_url`. `file` (Horizon's UI sends `file-direct` or `file-legacy`), null or absent: a queued image whose data is uploaded afterwards.
             * @example url
             * @enum {string|null}
             */
            source_type?: "url" | "file" | "file-direct" | "file-legacy" | null;
            /**
             * Format: uri
             * @description Required with source_type `url`, refused otherwise
             * @example https://cloud-images.example.org/jammy.qcow2
             */
            image_url?: string;
            /**
             * @description With source_type `url`: true makes Glance download the data (interoperable import, `web-download`); false (the default) registers `image_url` as the image's location.
             * @example true
             */
            import_data?: boolean;
            /**
             * @description Horizon's UI sends `false`; accepted with no effect. `true` is refused: use `import_data`.
             * @example false
             */
            is_copying?: boolean;
            /**
             * @description Horizon's "direct" upload: the name of the file the caller will upload (a non-empty string) makes the answer carry `upload_url`, where to PUT the data. Empty (`{}`, as Horizon's UI sends, null, `""`) or absent: no upload is announced. Image data itself is never sent in this body.
             * @example jammy.qcow2
             */
            data?: unknown;
            /**
             * @description Default `raw`. Glance's disk formats, plus Horizon's `docker` (sent as disk `raw`, container `docker`) and `ova` (disk `vmdk`, container `ova`). `ami`/`aki`/`ari` set the container format to the same value, `vhd` sets it to `ovf`.
             * @example qcow2
             * @enum {string}
             */
            disk_format?: "ami" | "ari" | "aki" | "vhd" | "vhdx" | "vmdk" | "raw" | "qcow2" | "vdi" | "iso" | "ploop" | "docker" | "ova";
            /**
             * @description Default `bare`; overridden by the disk format fix-ups
             * @example bare
             * @enum {string}
             */
            container_format?: "ami" | "ari" | "aki" | "bare" | "ovf" | "ova" | "docker" | "compressed";
            /**
             * @description Id of the kernel image; stored as Glance's `kernel_id`. null means none.
             * @example 0a0b0c0d-0000-4000-8000-000000000001
             */
            kernel?: string | null;
            /**
             * @description Id of the ramdisk image; stored as Glance's `ramdisk_id`. null means none.
             * @example 0a0b0c0d-0000-4000-8000-000000000002
             */
            ramdisk?: string | null;
            /**
             * @description GiB needed to boot; null means 0
             * @example 10
             */
            min_disk?: number | null;
            /**
             * @description MiB needed to boot; null means 0
             * @example 512
             */
            min_ram?: number | null;
            /**
             * @description public, private, shared or community. Default `private`.
             * @example shared
             * @enum {string}
             */
            visibility?: "public" | "private" | "shared" | "community";
            /**
             * @description A protected image cannot be deleted. Default false.
             * @example false
             */
            protected?: boolean;
            /**
             * @description Glance's image tags (Horizon ignores them)
             * @example [
             *       "lts"
             *     ]
             */
            tags?: string[];
            /**
             * @description Owning project id; Glance's policy decides who may set it
             * @example 0a1b2c3d4e5f40718293a4b5c6d7e8f9
             */
            owner?: string;
            /**
             * @description Hide the image from default lists; a boolean, or "true"/"false" (sent to Glance as a boolean)
             * @example false
             */
            os_hidden?: boolean | ("true" | "false");
        } & {
            [key: string]: unknown;
        };
        /**
         * @description `name`, `disk_format`, `visibility` and `protected` are required; every other field changes only when present. Any other key is a custom property: a string of at most 255 characters sets it, null removes it.
         * @example {
         *       "name": "ubuntu-22.04",
         *       "disk_format": "qcow2",
         *       "visibility": "shared",
         *       "protected": false,
         *       "min_disk": 10,
         *       "description": "Ubuntu 22.04 LTS",
         *       "hw_disk_bus": "virtio",
         *       "obsolete_note": null
         *     }
         */
        UpdateImageRequest: {
            /**
             * @description At most 255 characters; null for an unnamed image
             * @example ubuntu-22.04
             */
            name: string | null;
            /**
             * @description Glance's disk formats, plus Horizon's `docker` (sent as disk `raw`, container `docker`) and `ova` (disk `vmdk`, container `ova`). `ami`/`aki`/`ari` set the container format to the same value, `vhd` sets it to `ovf`.
             * @example qcow2
             * @enum {string}
             */
            disk_format: "ami" | "ari" | "aki" | "vhd" | "vhdx" | "vmdk" | "raw" | "qcow2" | "vdi" | "iso" | "ploop" | "docker" | "ova";
            /**
             * @description public, private, shared or community
             * @example shared
             * @enum {string}
             */
            visibility: "public" | "private" | "shared" | "community";
            /**
             * @description A protected image cannot be deleted
             * @example false
             */
            protected: boolean;
            /**
             * @description Glance's container formats; overridden by the disk format fix-ups
             * @example bare
             * @enum {string}
             */
            container_format?: "ami" | "ari" | "aki" | "bare" | "ovf" | "ova" | "docker" | "compressed";
            /**
             * @description The `description` custom property; null removes the description property
             * @example Ubuntu 22.04 LTS
             */
            description?: string | null;
            /**
             * @description The `architecture` custom property; null removes the architecture property
             * @example x86_64
             */
            architecture?: string | null;
            /**
             * @description Id of the kernel image (Glance's `kernel_id`); null removes it
             * @example 0a0b0c0d-0000-4000-8000-000000000001
             */
            kernel?: string | null;
            /**
             * @description Id of the ramdisk image (Glance's `ramdisk_id`); null removes it
             * @example 0a0b0c0d-0000-4000-8000-000000000002
             */
            ramdisk?: string | null;
            /**
             * @description GiB needed to boot; null means 0
             * @example 10
             */
            min_disk?: number | null;
            /**
             * @description MiB needed to boot; null means 0
             * @example 512
             */
            min_ram?: number | null;
            /**
             * @description Replaces the image's tags (order does not matter)
             * @example [
             *       "lts"
             *     ]
             */
            tags?: string[];
            /**
             * @description Owning project id; Glance's policy decides who may set it
             * @example 0a1b2c3d4e5f40718293a4b5c6d7e8f9
             */
            owner?: string;
            /**
             * @description Hide the image from default lists; a boolean, or "true"/"false" (sent to Glance as a boolean)
             * @example false
             */
            os_hidden?: boolean | ("true" | "false");
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Custom properties plus os_hidden, os_hash_algo, os_hash_value, direct_url, stores and visible os_glance_* keys
         * @example {
         *       "description": "Ubuntu 22.04 LTS",
         *       "hw_disk_bus": "virtio",
         *       "os_hidden": false,
         *       "os_hash_algo": "sha512"
         *     }
         */
        ImageProperties: {
            [key: string]: unknown;
        };
        /**
         * @description `updated` is required (it may be `{}`); `removed` is optional.
         * @example {
         *       "updated": {
         *         "hw_disk_bus": "scsi",
         *         "os_hidden": "true"
         *       },
         *       "removed": [
         *         "os_distro"
         *       ]
         *     }
         */
        UpdateImagePropertiesRequest: {
            /**
             * @description Properties to set. Values are strings of at most 255 characters, except `os_hidden`: a boolean or `"true"`/`"false"`, sent to Glance as a boolean. Base properties (`name`, `visibility`, …), read-only and reserved keys are refused.
             * @example {
             *       "hw_disk_bus": "scsi",
             *       "os_distro": "ubuntu",
             *       "os_hidden": false
             *     }
             */
            updated: {
                /**
                 * @description Hide the image from default lists; a boolean, or "true"/"false" (sent to Glance as a boolean)
                 * @example false
                 */
                os_hidden?: boolean | ("true" | "false");
            } & {
                [key: string]: unknown;
            };
            /**
             * @description Custom properties to remove. Names the image does not have, or that are also in `updated`, are skipped.
             * @example [
             *       "os_distro",
             *       "not_there"
             *     ]
             */
            removed?: string[];
        };
        MetadefNamespaceList: {
            items: components["schemas"]["MetadefNamespace"][];
            /**
             * @description A further page exists after this one
             * @example false
             */
            has_more_data: boolean;
            /**
             * @description A marker was given (Horizon's meaning), when paginating
             * @example false
             */
            has_prev_data: boolean;
        };
        /** @description Glance's namespace detail, verbatim except that `self` is removed */
        MetadefNamespace: {
            /** @example OS::Compute::Watchdog */
            namespace: string;
            /** @example Watchdog Behavior */
            display_name?: string;
            /** @example Compute drivers may enable watchdog behavior over instances. */
            description?: string;
            /** @example public */
            visibility?: string;
            /** @example true */
            protected?: boolean;
            /** @example admin */
            owner?: string;
            /** @example 2026-11-26T22:06:49Z */
            created_at?: string;
            /** @example 2026-11-26T22:06:49Z */
            updated_at?: string;
            /** @example /v2/schemas/metadefs/namespace */
            schema?: string;
            resource_type_associations?: components["schemas"]["MetadefResourceTypeAssociation"][];
            /**
             * @description Property definitions (JSON-schema-like), names prefixed for the requested resource type
             * @example {
             *       "hw_watchdog_action": {
             *         "type": "string",
             *         "title": "Watchdog Action",
             *         "enum": [
             *           "disabled",
             *           "reset",
             *           "poweroff",
             *           "pause",
             *           "none"
             *         ]
             *       }
             *     }
             */
            properties?: {
                [key: string]: unknown;
            };
            /** @description Present only when the namespace has objects */
            objects?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        MetadefResourceTypeAssociation: {
            /** @example OS::Glance::Image */
            name: string;
            /**
             * @description Put before property names for this resource type
             * @example hw_
             */
            prefix?: string;
            /** @example image */
            properties_target?: string;
            /** @example 2026-11-26T22:06:50Z */
            created_at?: string;
            /** @example 2026-11-26T22:06:50Z */
            updated_at?: string;
        } & {
            [key: string]: unknown;
        };
        MetadefResourceTypeList: {
            items: components["schemas"]["MetadefResourceType"][];
        };
        MetadefResourceType: {
            /** @example OS::Glance::Image */
            name: string;
            /** @example 2026-11-26T22:06:48Z */
            created_at?: string;
            /**
             * @description Absent when Glance does not give it
             * @example 2026-11-26T22:06:48Z
             */
            updated_at?: string;
        } & {
            [key: string]: unknown;
        };
        ResumableUpload: {
            upload_id: string;
            image_id: string;
            /** @description The region whose Glance takes the bytes */
            region: string | null;
            /** @example 8388608 */
            offset: number;
            /** @example 1073741824 */
            length: number;
            /**
             * @description Upload-Metadata's pairs, values decoded (UTF-8; else kept as base64)
             * @example {
             *       "filename": "cirros.img"
             *     }
             */
            metadata: {
                [key: string]: string;
            };
            /** @example 2026-06-25T10:00:00.000Z */
            expires_at: string;
            handoff: {
                /** @enum {string} */
                state: "none" | "pending" | "running" | "importing" | "done" | "failed";
                problem?: components["schemas"]["UploadHandoffProblem"];
                /** @description The SHA-512 (hex) of the bytes, checked against Glance's os_hash_value */
                sha512?: string;
            };
        };
        /** @description Why the last hand-off failed */
        UploadHandoffProblem: {
            /** @example urn:glance-edge:problem:bad-gateway */
            type: string;
            /** @example 502 */
            status: number;
            /** @example Glance answered 503 */
            detail: string;
        };
        /**
         * @description Glance's import call, flattened: the method's own fields (`uri`, `glance_*`) beside `method`. Each field's shape is checked before any Glance call; then a method Glance does not offer is a 400 naming the offered ones, and only for an offered method are its own fields required (`uri` for web-download, …), all before the import call.
         * @example {
         *       "method": "web-download",
         *       "uri": "https://cloud-images.example.org/jammy.qcow2"
         *     }
         */
        ImportImageRequest: {
            /**
             * @description `glance-direct`: the data staged with `PUT …/stage/` (image `uploading`). `web-download`: Glance downloads `uri` (image `queued`). `copy-image`: an `active` image's data copied to more `stores`. `glance-download`: the image `glance_image_id` of another region's Glance (image `queued`). Only the methods `GET /api/glance/info/import/` lists are accepted.
             * @example glance-direct
             * @enum {string}
             */
            method: "glance-direct" | "web-download" | "copy-image" | "glance-download";
            /**
             * Format: uri
             * @description web-download only, and required there: where Glance downloads the data from
             * @example https://cloud-images.example.org/jammy.qcow2
             */
            uri?: string;
            /**
             * @description glance-download only, and required there: the image to copy from the other region's Glance
             * @example 6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10
             */
            glance_image_id?: string;
            /**
             * @description glance-download only, and required there: the Keystone region of the other Glance
             * @example RegionTwo
             */
            glance_region?: string;
            /**
             * @description glance-download only: the catalog interface of the other Glance (Glance's default: `public`)
             * @example public
             * @enum {string}
             */
            glance_service_interface?: "public" | "internal" | "admin";
            /**
             * @description Multi-store Glance only: the stores to put the data in (ids from `GET /api/glance/info/stores/`); required for copy-image unless `all_stores`
             * @example [
             *       "fast",
             *       "cheap"
             *     ]
             */
            stores?: string[];
            /**
             * @description Multi-store Glance only: put the data in every store (not with `stores`)
             * @example false
             */
            all_stores?: boolean;
            /**
             * @description Multi-store Glance: false keeps the stores that succeeded when others fail (Glance's default: true)
             * @example true
             */
            all_stores_must_succeed?: boolean;
        };
        /** @description The image's tasks, as Glance lists them */
        ImageTaskList: {
            items: components["schemas"]["ImageTask"][];
        };
        /** @description One Glance task that worked on the image */
        ImageTask: {
            /** @example 390a8bbe-3582-4fd4-a882-daf1f195fe73 */
            id: string;
            /**
             * @description `api_image_import` for an import
             * @example api_image_import
             */
            type: string;
            /**
             * @description pending, processing, success or failure
             * @example success
             */
            status: string;
            /**
             * @description Progress (`Copied 15 MiB`) or why the task failed
             * @example Copied 0 MiB
             */
            message: string;
            /** @example 6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10 */
            image_id: string | null;
            /**
             * @description The project that ran the task
             * @example aba0ffb55d29409d90c2f7cedac73b07
             */
            owner: string | null;
            /**
             * @description The user that ran the task
             * @example 57f47ba57b7f4e0f8ef212e60bb626dd
             */
            user_id: string | null;
            /**
             * @description The request id of the call that started the task
             * @example req-437585fc-ae41-4630-aa7a-862bc5e3fabc
             */
            request_id: string | null;
            /**
             * @description What the task was asked to do (for an import: Glance's import request)
             * @example {
             *       "image_id": "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10",
             *       "import_req": {
             *         "method": {
             *           "name": "glance-direct"
             *         }
             *       }
             *     }
             */
            input?: unknown;
            /**
             * @description What the task produced; null until it ends
             * @example {
             *       "image_id": "6e2c5b1a-9a34-4c0e-8f0a-2f3d7c1e9b10"
             *     }
             */
            result?: unknown;
            /** @example 2026-11-29T18:55:54.236876 */
            created_at: string | null;
            /** @example 2026-11-29T18:55:55.258650 */
            updated_at: string | null;
            /**
             * @description When Glance forgets the task (null while it runs)
             * @example 2026-12-01T18:55:55.256108
             */
            expires_at: string | null;
        };
        /** @description The interoperable import methods Glance offers */
        ImportMethods: {
            /**
             * @description The methods `POST /api/glance/images/{image_id}/import/` accepts here; empty when Glance's interoperable import is off
             * @example [
             *       "glance-direct",
             *       "web-download",
             *       "copy-image"
             *     ]
             */
            import_methods: string[];
        };
        /** @description The storage backends of a multi-store Glance */
        Stores: {
            /** @description Glance's stores; empty when Glance has a single store (no multi-store backends) */
            stores: components["schemas"]["Store"][];
        };
        Store: {
            /**
             * @description The store id, for `stores` in an import
             * @example fast
             */
            id: string;
            /**
             * @description The operator's description; empty when none
             * @example Fast access to rbd store
             */
            description: string;
            /**
             * @description Where data goes when no store is named
             * @example true
             */
            default: boolean;
            /**
             * @description A store data can be read from but not written to (Glance's `read-only`)
             * @example false
             */
            read_only: boolean;
        };
        /** @description The caller's project quota usage, as Glance reports it */
        Usage: {
            /**
             * @description Per resource: `image_size_total` and `image_stage_total` (MiB), `image_count_total`, `image_count_uploading`. Empty when Glance does not enforce Keystone unified limits (`use_keystone_limits`).
             * @example {
             *       "image_size_total": {
             *         "limit": 1024,
             *         "usage": 256
             *       },
             *       "image_count_total": {
             *         "limit": 10,
             *         "usage": 2
             *       },
             *       "image_stage_total": {
             *         "limit": 512,
             *         "usage": 0
             *       },
             *       "image_count_uploading": {
             *         "limit": 2,
             *         "usage": 0
             *       }
             *     }
             */
            usage: {
                [key: string]: components["schemas"]["QuotaUsage"];
            };
        };
        QuotaUsage: {
            /**
             * @description The limit; -1 is none
             * @example 1024
             */
            limit: number;
            /**
             * @description What the project uses now
             * @example 256
             */
            usage: number;
        } & {
            [key: string]: unknown;
        };
        RegionList: {
            /** @description The regions with an image endpoint for this token, by id */
            items: components["schemas"]["Region"][];
            /**
             * @description The region a request without a region choice goes to; null when it must choose (several regions, no usable DEFAULT_REGION)
             * @example RegionOne
             */
            default_region: string | null;
            /**
             * @description `catalog`: Glance is found in the caller's Keystone catalog; `GLANCE_URL`: one fixed Glance (listed only when DEFAULT_REGION names it)
             * @example catalog
             * @enum {string}
             */
            source: "catalog" | "GLANCE_URL";
        };
        Region: {
            /**
             * @description Region id, as in Keystone's catalog
             * @example RegionTwo
             */
            region: string;
            /**
             * @description Whether a request that names no region is served by this region's Glance
             * @example false
             */
            default: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getGlanceVersion: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current Glance API version */
            200: {
                headers: {
                    /** @description RFC 9211 Cache-Status: `glance-edge; hit`, `glance-edge; hit; detail=stale-while-revalidate`, `glance-edge; fwd=miss; stored` or `glance-edge; fwd=bypass; detail=no-cache-api` */
                    "Cache-Status": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GlanceVersion"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listImages: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
                /** @description `true|false|1|0`, any case. When true, answer one page (`limit` or `API_RESULT_PAGE_SIZE` images) with Horizon's `has_more_data`/`has_prev_data`. When false or absent, answer up to `limit` or `API_RESULT_LIMIT` images, following Glance's pages. Unlike Horizon, `paginate=false` does not turn paging on. */
                paginate?: string;
                /** @description Id of the last image of the previous page (or, with `reversed_order`, the first image of the next page). Empty means none. */
                marker?: string;
                /** @description `true|false|1|0`, any case; never sent to Glance. When true, answer the images *before* `marker` in the requested order (the previous page): Glance is asked in the opposite direction from the marker and the page is reversed back. */
                reversed_order?: string;
                /** @description How many images to answer: the page size when paginating, the cap otherwise. At most `API_RESULT_LIMIT` (1000 by default); more is a 400. */
                limit?: string;
                /** @description Glance's sort key */
                sort_key?: "name" | "status" | "container_format" | "disk_format" | "size" | "id" | "created_at" | "updated_at";
                /** @description Sort direction */
                sort_dir?: "asc" | "desc";
                /** @description Exact image name, or `in:` a comma-separated list of names (quote names that contain commas) */
                name?: string;
                /** @description Image status, or `in:` a comma-separated list of statuses (queued, saving, active, killed, deleted, uploading, importing, pending_delete, deactivated) */
                status?: string;
                /** @description Glance's visibility filter */
                visibility?: "public" | "private" | "shared" | "community" | "all";
                /** @description Horizon's alias: `true` → `visibility=public`, `false` → `visibility=private` (any case; anything else is a 400). Cannot be combined with `visibility`. */
                is_public?: string;
                /** @description Owning project id */
                owner?: string;
                /** @description Horizon's alias of `owner`; cannot be combined with it */
                "property-owner_id"?: string;
                /** @description For shared images: the caller's membership status (Glance's default: accepted) */
                member_status?: "pending" | "accepted" | "rejected" | "all";
                /** @description Images carrying this tag; repeat the parameter for several tags (all must match). Sent to Glance as repeated `tag` parameters. */
                tag?: string[];
                /** @description `true|false`, any case (sent to Glance in lowercase) */
                protected?: string;
                /** @description `true|false`, any case; Glance hides hidden images unless `os_hidden=true` */
                os_hidden?: string;
                /** @description Container format, or `in:` a comma-separated list */
                container_format?: string;
                /** @description Disk format, or `in:` a comma-separated list */
                disk_format?: string;
                /** @description Minimum size in bytes */
                size_min?: string;
                /** @description Maximum size in bytes */
                size_max?: string;
                /** @description `[gt|gte|eq|neq|lt|lte:]<ISO 8601>`; no operator means eq */
                created_at?: string;
                /** @description `[gt|gte|eq|neq|lt|lte:]<ISO 8601>`; no operator means eq */
                updated_at?: string;
                /** @description Image id, or `in:` a comma-separated list of ids */
                id?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of images, list variant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageList"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createImageWithPut: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The image to create */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateImageRequest"];
            };
        };
        responses: {
            /** @description The created image, as Glance has it after the last step */
            201: {
                headers: {
                    /** @description The new image's URL in this API; `?region=` names the region whose Glance holds it, when one served the request */
                    Location: string;
                    /** @description Legacy multipart upload only. RFC 9530: the SHA-512 of the data part as it passed through, which Glance's `os_hash_value` matched */
                    "Repr-Digest"?: string;
                    /** @description Legacy multipart upload only. RFC 9530: the digests `PUT …/file/` checks an upload against */
                    "Want-Repr-Digest"?: string;
                    /** @description Legacy multipart upload only, unless `FORMAT_INSPECTION` is off: the data's format and declared virtual size (see `PUT …/file/`) */
                    "X-Image-Format"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedImage"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client sent no image data for UPLOAD_IDLE_TIMEOUT_MS; the upload was aborted (Glance keeps nothing of it) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than MAX_JSON_BODY_BYTES (nothing was sent to Glance), or Glance refused the size or a quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createImage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The image to create: JSON, or Horizon's legacy multipart form with the image's bytes */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateImageRequest"];
                "multipart/form-data": components["schemas"]["CreateImageForm"];
            };
        };
        responses: {
            /** @description The created image, as Glance has it after the last step */
            201: {
                headers: {
                    /** @description The new image's URL in this API; `?region=` names the region whose Glance holds it, when one served the request */
                    Location: string;
                    /** @description Legacy multipart upload only. RFC 9530: the SHA-512 of the data part as it passed through, which Glance's `os_hash_value` matched */
                    "Repr-Digest"?: string;
                    /** @description Legacy multipart upload only. RFC 9530: the digests `PUT …/file/` checks an upload against */
                    "Want-Repr-Digest"?: string;
                    /** @description Legacy multipart upload only, unless `FORMAT_INSPECTION` is off: the data's format and declared virtual size (see `PUT …/file/`) */
                    "X-Image-Format"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedImage"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client sent no image data for UPLOAD_IDLE_TIMEOUT_MS; the upload was aborted (Glance keeps nothing of it) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than MAX_JSON_BODY_BYTES (nothing was sent to Glance), or Glance refused the size or a quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, detail variant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteImage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateImage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        /** @description The fields to change */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateImageRequest"];
            };
        };
        responses: {
            /** @description Updated (or nothing to change) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than MAX_JSON_BODY_BYTES (nothing was sent to Glance), or Glance refused the size or a quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImageProperties: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image's properties, as a flat object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageProperties"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateImageProperties: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        /** @description Properties to set and to remove */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateImagePropertiesRequest"];
            };
        };
        responses: {
            /** @description Updated (or nothing to change) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than MAX_JSON_BODY_BYTES (nothing was sent to Glance), or Glance refused the size or a quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMetadefsNamespaces: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
                /** @description Keep namespaces associated with this resource type; Glance then prefixes each property name with the association's prefix (e.g. `hw_`). Optional here (Horizon answers 500 without it). */
                resource_type?: string;
                /** @description Glance's own filter: comma-separated resource types, any of which a namespace must be associated with. Used only without `resource_type` (property names then stay unprefixed); giving both with different values is a 400. */
                resource_types?: string;
                /** @description Keep only namespaces whose association with the resource type has this `properties_target` (e.g. `image` for Cinder volumes, `metadata` for Nova servers). Needs `resource_type` (or `resource_types`). Applied here, not by Glance. */
                properties_target?: string;
                /** @description Page by `API_RESULT_PAGE_SIZE`. Case-insensitive `true|false|1|0` (Horizon treats the string `false` as true). */
                paginate?: string;
                /** @description How many namespaces to answer: the page size when paginating (default `API_RESULT_PAGE_SIZE`), the cap otherwise (default `API_RESULT_LIMIT`). At most `API_RESULT_LIMIT`; more is a 400. The same meaning as the image list's `limit`. */
                limit?: string;
                /** @description Namespace name to start after (the last one of the previous page). Empty means the first page. Unknown → Glance's 404. */
                marker?: string;
                /** @description Sort field */
                sort_key?: "namespace" | "created_at";
                /** @description Sort direction */
                sort_dir?: "asc" | "desc";
                /** @description Glance's visibility filter */
                visibility?: "public" | "private";
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The namespaces of the page, with their details */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetadefNamespaceList"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMetadefsResourceTypes: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every resource type Glance knows */
            200: {
                headers: {
                    /** @description RFC 9211 Cache-Status: `glance-edge; hit`, `glance-edge; hit; detail=stale-while-revalidate`, `glance-edge; fwd=miss; stored` or `glance-edge; fwd=bypass; detail=no-cache-api` */
                    "Cache-Status": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetadefResourceTypeList"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadImageFile: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description One byte range, passed to Glance as it is */
                range?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image's data */
            200: {
                headers: {
                    /** @description Bytes in this answer */
                    "Content-Length": string;
                    /** @description RFC 1864: the base64 of the MD5 of the body, i.e. of the whole image (Glance's `checksum`, which is hex). Not on a 206: a range has another MD5 */
                    "Content-MD5"?: string;
                    /** @description RFC 6266 attachment named after the image (`filename*` for non-ASCII names) */
                    "Content-Disposition": string;
                    "Cache-Control": string;
                    /** @description RFC 9530: the SHA-512 of the image's data (`sha-512=:<base64>:`) */
                    "Repr-Digest"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The image has no data */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested range */
            206: {
                headers: {
                    /** @description Bytes in this answer */
                    "Content-Length": string;
                    /** @description RFC 6266 attachment named after the image (`filename*` for non-ASCII names) */
                    "Content-Disposition": string;
                    "Cache-Control": string;
                    /** @description RFC 9530: the SHA-512 of the image's data (`sha-512=:<base64>:`) */
                    "Repr-Digest"?: string;
                    "Content-Range": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: Glance reports the image data or the image as deleted */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Range cannot be satisfied (Content-Range says the size) */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadImageFile: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description RFC 9530: the `sha-256` and/or `sha-512` of the data (`sha-256=:<base64>:`). Checked in the same pass as the upload; a mismatch aborts it before Glance keeps anything (400 naming both values). Other algorithms are skipped when a checkable one is given, else a 400. */
                "repr-digest"?: string;
                /** @description RFC 9530: the same for the content sent (the same bytes here: this API applies no content coding) */
                "content-digest"?: string;
                /** @description The data's MD5, base64 (RFC 1864) or hex (as Glance's `checksum`); checked like `Repr-Digest` */
                "content-md5"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        /** @description The image's data; `Content-Length` is required */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The image after the upload, detail variant */
            200: {
                headers: {
                    /** @description RFC 9530: the digests of the data that passed, `sha-512` always, `sha-256` too when the request sent one */
                    "Repr-Digest": string;
                    /** @description RFC 9530: the digests this API checks an upload against, by preference (send one as `Repr-Digest`) */
                    "Want-Repr-Digest": string;
                    /** @description The format the data's bytes are in and the virtual size its header declares (an RFC 8941 item); with `FORMAT_INSPECTION=report`, `would-refuse` says what `enforce` would have refused. Absent when inspection is off. */
                    "X-Image-Format"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            /** @description A malformed parameter or digest header (before a byte moves); or, with the upload aborted before Glance kept anything: data whose format does not match the image's `disk_format` (`image-format-mismatch`), an unsafe disk image (`unsafe-image`: a backing or external data file, extents outside the file, a virtual size over `MAX_VIRTUAL_SIZE_BYTES`), or data that does not match a digest the request sent (`digest-mismatch`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client sent no image data for UPLOAD_IDLE_TIMEOUT_MS; the upload was aborted (Glance keeps nothing of it) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: Glance reports the image data or the image as deleted */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Length is missing: image data is only accepted with a known length */
            411: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Length over MAX_UPLOAD_BYTES or over the caller's remaining quota (nothing was sent to Glance), or Glance refused the size or a quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    headImageFile: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description One byte range, passed to Glance as it is */
                range?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image has data */
            200: {
                headers: {
                    /** @description Bytes in this answer */
                    "Content-Length": string;
                    /** @description RFC 1864: the base64 of the MD5 of the body, i.e. of the whole image (Glance's `checksum`, which is hex). Not on a 206: a range has another MD5 */
                    "Content-MD5"?: string;
                    /** @description RFC 6266 attachment named after the image (`filename*` for non-ASCII names) */
                    "Content-Disposition": string;
                    "Cache-Control": string;
                    /** @description RFC 9530: the SHA-512 of the image's data (`sha-512=:<base64>:`) */
                    "Repr-Digest"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The image has no data */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: Glance reports the image data or the image as deleted */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stageImageData: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description RFC 9530: the `sha-256` and/or `sha-512` of the data (`sha-256=:<base64>:`). Checked in the same pass as the upload; a mismatch aborts it before Glance keeps anything (400 naming both values). Other algorithms are skipped when a checkable one is given, else a 400. */
                "repr-digest"?: string;
                /** @description RFC 9530: the same for the content sent (the same bytes here: this API applies no content coding) */
                "content-digest"?: string;
                /** @description The data's MD5, base64 (RFC 1864) or hex (as Glance's `checksum`); checked like `Repr-Digest` */
                "content-md5"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        /** @description The image's data; `Content-Length` is required */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The image after staging, detail variant */
            200: {
                headers: {
                    /** @description RFC 9530: the digests of the data that passed, `sha-512` always, `sha-256` too when the request sent one */
                    "Repr-Digest": string;
                    /** @description RFC 9530: the digests this API checks an upload against, by preference (send one as `Repr-Digest`) */
                    "Want-Repr-Digest": string;
                    /** @description The format the data's bytes are in and the virtual size its header declares (an RFC 8941 item); with `FORMAT_INSPECTION=report`, `would-refuse` says what `enforce` would have refused. Absent when inspection is off. */
                    "X-Image-Format"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            /** @description A malformed parameter or digest header (before a byte moves); or, with the upload aborted before Glance kept anything: data whose format does not match the image's `disk_format` (`image-format-mismatch`), an unsafe disk image (`unsafe-image`: a backing or external data file, extents outside the file, a virtual size over `MAX_VIRTUAL_SIZE_BYTES`), or data that does not match a digest the request sent (`digest-mismatch`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client sent no image data for UPLOAD_IDLE_TIMEOUT_MS; the upload was aborted (Glance keeps nothing of it) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: Glance reports the image data or the image as deleted */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Length is missing: image data is only accepted with a known length */
            411: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Length over MAX_UPLOAD_BYTES or over the caller's remaining quota (nothing was sent to Glance), or Glance refused the size or a quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createResumableUpload: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description Required: `1.0.0`. Missing or another version: 412 with `Tus-Version` */
                "tus-resumable"?: string;
                /** @description Required: the upload's total size in bytes (`Upload-Defer-Length` is not offered: the hand-off to Glance needs the size). Over `MAX_UPLOAD_BYTES` (when set): 413 */
                "upload-length"?: string;
                /** @description tus: comma-separated `key base64value` pairs (at most 4096 characters), kept with the upload and answered on HEAD; not sent to Glance */
                "upload-metadata"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        /** @description creation-with-upload: the first chunk (`Content-Length` required) */
        requestBody?: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            /** @description The upload was created; follow `Location` with HEAD and PATCH */
            201: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    /** @description Bytes stored so far */
                    "Upload-Offset": string;
                    /** @description RFC 9110 date after which the upload (and the bytes of a failed hand-off) is freed; moved on by every chunk */
                    "Upload-Expires": string;
                    /** @description Where the hand-off to Glance stands: none, pending, running, importing, done, failed (none until the last byte lands) */
                    "Upload-Handoff": string;
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client sent no image data for UPLOAD_IDLE_TIMEOUT_MS; the upload was aborted (Glance keeps nothing of it) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The image is not `queued`: it takes no data */
            409: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Length is missing: image data is only accepted with a known length */
            411: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Tus-Resumable` is missing or not `1.0.0` (`unsupported-protocol-version`); `Tus-Version` says which is */
            412: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Upload-Length` over `MAX_UPLOAD_BYTES`, or the body over `MAX_REQUEST_BODY_BYTES`: nothing was stored */
            413: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description creation-with-upload: the first chunk does not match its `Upload-Checksum` (discarded; `Location` given) */
            460: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `UPLOAD_HANDOFF=web-download`, which this build cannot hand off: nothing was stored */
            501: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resumableUploadOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The protocol's capabilities */
            204: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    "Tus-Version": string;
                    "Tus-Extension": string;
                    "Tus-Checksum-Algorithm": string;
                    /** @description MAX_UPLOAD_BYTES, when set */
                    "Tus-Max-Size"?: string;
                    /** @description Not in tus: MAX_REQUEST_BODY_BYTES, the largest body of one request; chunk below it */
                    "Tus-Max-Chunk-Size": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResumableUpload: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
                /** @description The upload's id, from the creation's `Location` (64 hexadecimal digits); any other is a 404 */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload */
            200: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    /** @description Bytes stored so far */
                    "Upload-Offset": string;
                    /** @description RFC 9110 date after which the upload (and the bytes of a failed hand-off) is freed; moved on by every chunk */
                    "Upload-Expires": string;
                    /** @description Where the hand-off to Glance stands: none, pending, running, importing, done, failed (none until the last byte lands) */
                    "Upload-Handoff": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUpload"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such upload for this image, region and owner (another project's or another token's upload, a terminated one), or Glance does not show the image to this token */
            404: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upload expired (`gone`): its bytes were freed; create a new one */
            410: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteResumableUpload: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description Required: `1.0.0`. Missing or another version: 412 with `Tus-Version` */
                "tus-resumable"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
                /** @description The upload's id, from the creation's `Location` (64 hexadecimal digits); any other is a 404 */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Terminated */
            204: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such upload for this image, region and owner (another project's or another token's upload, a terminated one), or Glance does not show the image to this token */
            404: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The hand-off to Glance is running */
            409: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upload expired (`gone`): its bytes were freed; create a new one */
            410: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Tus-Resumable` is missing or not `1.0.0` (`unsupported-protocol-version`); `Tus-Version` says which is */
            412: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resumableUploadResourceOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
                /** @description The upload's id, from the creation's `Location` (64 hexadecimal digits); any other is a 404 */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The protocol's capabilities */
            204: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    "Tus-Version": string;
                    "Tus-Extension": string;
                    "Tus-Checksum-Algorithm": string;
                    /** @description MAX_UPLOAD_BYTES, when set */
                    "Tus-Max-Size"?: string;
                    /** @description Not in tus: MAX_REQUEST_BODY_BYTES, the largest body of one request; chunk below it */
                    "Tus-Max-Chunk-Size": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    headResumableUpload: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description Required: `1.0.0`. Missing or another version: 412 with `Tus-Version` */
                "tus-resumable"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
                /** @description The upload's id, from the creation's `Location` (64 hexadecimal digits); any other is a 404 */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload */
            200: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    /** @description Bytes stored so far */
                    "Upload-Offset": string;
                    /** @description RFC 9110 date after which the upload (and the bytes of a failed hand-off) is freed; moved on by every chunk */
                    "Upload-Expires": string;
                    /** @description Where the hand-off to Glance stands: none, pending, running, importing, done, failed (none until the last byte lands) */
                    "Upload-Handoff": string;
                    "Upload-Length": string;
                    "Upload-Metadata"?: string;
                    "Cache-Control": string;
                    /** @description A failed hand-off's problem type */
                    "Upload-Handoff-Problem"?: string;
                    /** @description A failed hand-off's detail (printable ASCII) */
                    "Upload-Handoff-Detail"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such upload for this image, region and owner (another project's or another token's upload, a terminated one), or Glance does not show the image to this token */
            404: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upload expired (`gone`): its bytes were freed; create a new one */
            410: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Tus-Resumable` is missing or not `1.0.0` (`unsupported-protocol-version`); `Tus-Version` says which is */
            412: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchResumableUpload: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description Required: `1.0.0`. Missing or another version: 412 with `Tus-Version` */
                "tus-resumable"?: string;
                /** @description Required: where this chunk starts; it must be the upload's offset (else 409) */
                "upload-offset"?: string;
                /** @description tus checksum: `<algorithm> <base64 digest>` of this chunk (sha1, sha256, sha512, md5); a mismatch is a 460 and the chunk is discarded */
                "upload-checksum"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
                /** @description The upload's id, from the creation's `Location` (64 hexadecimal digits); any other is a 404 */
                upload_id: string;
            };
            cookie?: never;
        };
        /** @description The chunk; `Content-Length` required, at most `MAX_REQUEST_BODY_BYTES` */
        requestBody: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            /** @description The chunk is stored */
            204: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    /** @description Bytes stored so far */
                    "Upload-Offset": string;
                    /** @description RFC 9110 date after which the upload (and the bytes of a failed hand-off) is freed; moved on by every chunk */
                    "Upload-Expires": string;
                    /** @description Where the hand-off to Glance stands: none, pending, running, importing, done, failed (none until the last byte lands) */
                    "Upload-Handoff": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such upload for this image, region and owner (another project's or another token's upload, a terminated one), or Glance does not show the image to this token */
            404: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client sent no image data for UPLOAD_IDLE_TIMEOUT_MS; the upload was aborted (Glance keeps nothing of it) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Upload-Offset` is not the upload's offset, another PATCH is writing, or the upload is complete (`conflict`) */
            409: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upload expired (`gone`): its bytes were freed; create a new one */
            410: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Length is missing: image data is only accepted with a known length */
            411: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Tus-Resumable` is missing or not `1.0.0` (`unsupported-protocol-version`); `Tus-Version` says which is */
            412: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over `MAX_REQUEST_BODY_BYTES`, or goes past `Upload-Length`: nothing was stored */
            413: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Content-Type` is not `application/offset+octet-stream` */
            415: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The chunk does not match its `Upload-Checksum` (`checksum-mismatch`): it was discarded, the offset is unchanged */
            460: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryResumableUploadHandoff: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
                /** @description Required: `1.0.0`. Missing or another version: 412 with `Tus-Version` */
                "tus-resumable"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
                /** @description The upload's id, from the creation's `Location` (64 hexadecimal digits); any other is a 404 */
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hand-off was started */
            202: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    /** @description Bytes stored so far */
                    "Upload-Offset": string;
                    /** @description RFC 9110 date after which the upload (and the bytes of a failed hand-off) is freed; moved on by every chunk */
                    "Upload-Expires": string;
                    /** @description Where the hand-off to Glance stands: none, pending, running, importing, done, failed (none until the last byte lands) */
                    "Upload-Handoff": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUpload"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such upload for this image, region and owner (another project's or another token's upload, a terminated one), or Glance does not show the image to this token */
            404: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upload is not complete, or its hand-off is in progress or done */
            409: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The upload expired (`gone`): its bytes were freed; create a new one */
            410: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `Tus-Resumable` is missing or not `1.0.0` (`unsupported-protocol-version`); `Tus-Version` says which is */
            412: {
                headers: {
                    /** @description The tus protocol version, on every answer */
                    "Tus-Resumable": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importImage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        /** @description The import method and its fields */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportImageRequest"];
            };
        };
        responses: {
            /** @description Glance accepted the import; the image as Glance has it now (detail variant) */
            202: {
                headers: {
                    /** @description The image's URL in this API; `?region=` names the region whose Glance holds it, when one served the request */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict reported by Glance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than MAX_JSON_BODY_BYTES (nothing was sent to Glance), or Glance refused the size or a quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listImageTasks: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image's tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageTaskList"];
                };
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivateImage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reactivateImage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path: {
                /** @description The image's id: a UUID, as Glance gives it. Anything else is never sent to Glance: on the routes Horizon has (get, update, delete, properties, deactivate, reactivate) it is Horizon's 404 (`default`, which Horizon's url_regex names, included); on the others a 400 naming `image_id`. */
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (validation error, malformed JSON, an unknown or unchosen region); nothing was sent to Glance that could change data */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to this project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImportMethods: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import methods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportMethods"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStores: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stores; empty for a single-store Glance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stores"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUsage: {
        parameters: {
            query?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). Consumed here, never sent to Glance. */
                region?: string;
            };
            header?: {
                /** @description Which region's Glance serves this request. Without `GLANCE_URL` Glance is the `image` endpoint of this region in the caller's Keystone catalog; default `DEFAULT_REGION`, else the only region with an image endpoint. An unknown region, or several and none chosen, is a 400 listing the regions. With `GLANCE_URL`, only `DEFAULT_REGION` may be named. E.g. `RegionTwo` (the documented example is empty, so that the docs page's Try it out, which fills in every example, uses the default region). */
                "X-OpenStack-Region"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The usage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Usage"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance refused the operation (policy, protected image, reserved attribute), or the token's catalog has no image endpoint */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRegions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The regions and the default one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionList"];
                };
            };
            /** @description Missing or refused X-Auth-Token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API is misconfigured, or an unexpected error (quote the request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) failed or could not be reached */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Glance (or Keystone) did not answer within GLANCE_TIMEOUT_MS */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
