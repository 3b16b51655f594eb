// The `zod` module as the Worker bundle sees it (wrangler.toml [alias]): every export of zod, but
// `z.locales` (zod's 64 message catalogues, ~250 KiB) and `z.core` (whose namespace holds them too)
// left out. @hono/zod-openapi hands the whole `z` namespace to zod-to-openapi, so a bundler cannot drop
// the catalogues by itself; nothing here reads either namespace, and zod still sets up its English
// messages when it loads. The unit suite checks that nothing else is missing (zod-without-locales.test.ts).
// Reached by a relative path: an import of "zod/…" would be aliased back to this file.
import * as z from "./zod-without-locales.js";

export * from "../../node_modules/zod/v4/classic/external.js";
export const locales = undefined;
export const core = undefined;
export { z, z as default };
