import { isAbsolute, join } from "node:path";
import * as v from "valibot";
import { PhotoStorePort } from "../../core/quickclaim/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { LocalDiskPhotoStore } from "./local-disk-photo-store.ts";

const configSchema = v.strictObject({
  directory: v.pipe(
    v.optional(v.pipe(v.string(), v.minLength(1)), "photos"),
    v.description("folder for the photos; a relative path is under the deployment's dataDir (DATA_DIR)"),
  ),
  maxObjectBytes: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024), v.maxValue(256 * 1024 * 1024)), 32 * 1024 * 1024),
    v.description("largest stored object in bytes (photos arrive sealed, about 4/3 of the file)"),
  ),
});

/** quickclaim.PhotoStore on the local disk, under DATA_DIR by default. */
export const manifest = definePlugin({
  id: "quickclaim-photo-store-local",
  version: "1.0.0",
  title: { zh: "快处快赔照片存储（本地磁盘）", en: "Quick-claim photo store (local disk)" },
  description:
    "Stores accident, ID-card and bank-card photos as files under the deployment's data folder (DATA_DIR/photos by default). The platform seals every object with the field cipher before it gets here. For several app instances use an S3-compatible store plugin instead.",
  kind: "adapter",
  regions: "*",
  provides: [PhotoStorePort],
  configSchema,
  create(config, ctx) {
    let directory = config.directory;
    if (!isAbsolute(directory)) {
      if (ctx.dataDir === undefined) {
        throw new Error("a relative photo directory needs the deployment's dataDir; give an absolute directory");
      }
      directory = join(ctx.dataDir, directory);
    }
    const store = new LocalDiskPhotoStore(directory, config.maxObjectBytes);
    ctx.logger.info("quickclaim photo store on the local disk", { directory: store.directory });
    return new Map([[PhotoStorePort, store]]);
  },
});
