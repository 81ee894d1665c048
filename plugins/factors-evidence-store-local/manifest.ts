import { isAbsolute, join } from "node:path";
import * as v from "valibot";
import { EvidenceFileStorePort } from "../../adapters/factors/evidence-file-store.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { LocalEvidenceFileStore } from "./local-evidence-file-store.ts";

const configSchema = v.strictObject({
  directory: v.pipe(
    v.optional(v.pipe(v.string(), v.minLength(1)), "factors-evidence"),
    v.description("folder for evidence files; a relative path is under the deployment's dataDir (DATA_DIR)"),
  ),
  maxObjectBytes: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024), v.maxValue(256 * 1024 * 1024)), 32 * 1024 * 1024),
    v.description("largest stored object in bytes (files arrive sealed, about 4/3 of their size)"),
  ),
});

/** factors.EvidenceFileStore on the local disk, under DATA_DIR by default. */
export const manifest = definePlugin({
  id: "factors-evidence-store-local",
  version: "1.0.0",
  title: { zh: "要素登记证明材料存储（本地磁盘）", en: "Factor evidence store (local disk)" },
  description:
    "Stores the evidence files of factor registration (photos of certificates, filings) under the deployment's data folder (DATA_DIR/factors-evidence by default). The platform seals every file with the field cipher before it gets here. For several app instances use an S3-compatible store plugin instead.",
  kind: "adapter",
  regions: "*",
  provides: [EvidenceFileStorePort],
  configSchema,
  create(config, ctx) {
    let directory = config.directory;
    if (!isAbsolute(directory)) {
      if (ctx.dataDir === undefined) {
        throw new Error("a relative evidence directory needs the deployment's dataDir; give an absolute directory");
      }
      directory = join(ctx.dataDir, directory);
    }
    const store = new LocalEvidenceFileStore(directory, config.maxObjectBytes);
    ctx.logger.info("factors evidence store on the local disk", { directory: store.directory });
    return new Map([[EvidenceFileStorePort, store]]);
  },
});
