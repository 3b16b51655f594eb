import { versionRouter } from "./version/version.index";
import { imagesRouter } from "./images/images.index";
import { metadefsRouter } from "./metadefs/metadefs.index";

/** Every router the app mounts, in the order their routes appear in the OpenAPI document. */
export const routers = [versionRouter, imagesRouter, metadefsRouter];
