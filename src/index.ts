import { createApp } from "./app";

export { UploadObject } from "./resumable/upload-object";

const app = createApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
