import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { afterAll, describe, expect, it } from "vitest";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { PhotoStorePort } from "../../core/quickclaim/mod.ts";
import { silentLogger } from "../_framework/logger.ts";
import type { PluginContext } from "../_framework/plugin-manifest.ts";
import { isValidPhotoKey, LocalDiskPhotoStore } from "./local-disk-photo-store.ts";
import { manifest } from "./manifest.ts";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "qc-photos-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function ctx(dataDir?: string): PluginContext {
  const clock = new FixedClock("2026-03-01T05:45:00Z");
  return {
    clock,
    ids: new RandomIds(clock),
    logger: silentLogger,
    regionCode: "350900",
    regionName: { zh: "宁德", en: "Ningde" },
    production: false,
    ...(dataDir ? { dataDir } : {}),
    onClose: () => {},
  };
}

describe("quickclaim-photo-store-local 照片存储（本地磁盘）", () => {
  it("stores and returns an object with its type, SHA-256 and size; writing the key again replaces it", async () => {
    const store = new LocalDiskPhotoStore(tmp(), 1024);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const r = await store.put({ key: "quickclaim/qccase_1/qcphoto_1", contentType: "image/jpeg", bytes });
    expect(r).toEqual({
      key: "quickclaim/qccase_1/qcphoto_1",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      sizeBytes: 6,
    });
    expect(await store.get("quickclaim/qccase_1/qcphoto_1")).toEqual({ contentType: "image/jpeg", bytes });
    await store.put({ key: "quickclaim/qccase_1/qcphoto_1", contentType: "image/png", bytes: new Uint8Array([9]) });
    expect((await store.get("quickclaim/qccase_1/qcphoto_1"))?.bytes).toEqual(new Uint8Array([9]));
    expect(readdirSync(join(store.directory, "quickclaim", "qccase_1")).sort()).toEqual([
      "qcphoto_1",
      "qcphoto_1.meta.json",
    ]);
    expect(await store.get("quickclaim/qccase_1/none")).toBe(undefined);
  });

  it.each([["../escape"], ["a/../../b"], ["/abs"], [""], ["a//b"], ["x.meta.json"], ["a/ b"]])(
    "refuses the key %j, which could leave the folder or clash with metadata",
    async (key) => {
      expect(isValidPhotoKey(key)).toBe(false);
      const store = new LocalDiskPhotoStore(tmp(), 1024);
      await expect(store.put({ key, contentType: "image/jpeg", bytes: new Uint8Array([1]) })).rejects.toThrow(
        RangeError,
      );
    },
  );

  it("refuses an object over its size limit", async () => {
    const store = new LocalDiskPhotoStore(tmp(), 4);
    await expect(store.put({ key: "k", contentType: "image/jpeg", bytes: new Uint8Array(5) })).rejects.toThrow(
      "exceeds 4",
    );
  });

  it("puts photos under DATA_DIR/photos by default and needs dataDir for a relative folder", async () => {
    const dataDir = tmp();
    const provision = await manifest.create(v.parse(manifest.configSchema, {}), ctx(dataDir));
    const store = provision.get(PhotoStorePort) as LocalDiskPhotoStore;
    await store.put({ key: "a/b", contentType: "image/jpeg", bytes: new Uint8Array([1]) });
    expect(existsSync(join(dataDir, "photos", "a", "b"))).toBe(true);
    expect(readFileSync(join(dataDir, "photos", "a", "b.meta.json"), "utf8")).toContain("image/jpeg");
    expect(() => manifest.create(v.parse(manifest.configSchema, {}), ctx())).toThrow("dataDir");
    expect(manifest.kind).toBe("adapter");
  });
});
