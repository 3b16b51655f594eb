import { versionRouter } from "./version/version.index";
import { imagesRouter } from "./images/images.index";
import { imageWritesRouter } from "./images/image-writes.index";
import { imagePropertiesRouter } from "./image-properties/image-properties.index";
import { metadefsRouter } from "./metadefs/metadefs.index";
import { imageDataRouter } from "./image-data/image-data.index";
import { imageActionsRouter } from "./image-actions/image-actions.index";
import { infoRouter } from "./info/info.index";
import { regionsRouter } from "./regions/regions.index";
import { uploadsRouter } from "./uploads/uploads.index";

/** Every router the app mounts, in the order their routes appear in the OpenAPI document. */
export const routers = [
  versionRouter,
  imagesRouter,
  imageWritesRouter,
  imagePropertiesRouter,
  metadefsRouter,
  imageDataRouter,
  uploadsRouter,
  imageActionsRouter,
  infoRouter,
  regionsRouter,
];
