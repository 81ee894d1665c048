import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../kernel/mod.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { ningdeQuickClaimPolicy } from "../policy-defaults.ts";
import { checkPhotoFile, looksLike, photoFlags } from "./photo-checks.ts";

const P = paramsAsOf(ningdeQuickClaimPolicy, "2026-03-01");
const PLACE = { lat: 27.3243, lng: 120.2164 }; // 福鼎
const REPORTED = new Date("2026-03-01T06:00:00Z");

function fieldOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e) && e.ruleId === "QC-R02") return e.field;
    throw e;
  }
  return undefined;
}

describe("QC-R02 照片 photo files and flags", () => {
  it.each([
    ["a 2 MB JPEG is accepted", "image/jpeg", 2_000_000, undefined],
    ["a PNG with a charset parameter is accepted", "image/png; charset=binary", 500_000, undefined],
    ["a PDF is refused as the wrong type", "application/pdf", 500_000, "photo.contentType"],
    ["a GIF is refused as the wrong type", "image/gif", 500_000, "photo.contentType"],
    ["a 10 MiB photo is at the limit and accepted", "image/jpeg", 10 * 1024 * 1024, undefined],
    ["a photo one byte above 10 MiB is refused as oversize", "image/jpeg", 10 * 1024 * 1024 + 1, "photo.size"],
    ["an empty file is refused", "image/jpeg", 0, "photo.size"],
  ])("%s", (_title, type, size, field) => {
    expect(fieldOf(() => checkPhotoFile(type, size, P))).toBe(field);
  });

  it.each([
    ["JPEG bytes under image/jpeg", "image/jpeg", [0xff, 0xd8, 0xff, 0xe0], true],
    ["PNG bytes under image/png", "image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], true],
    ["PNG bytes claimed to be a JPEG", "image/jpeg", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], false],
    [
      "HEIC bytes under image/heic",
      "image/heic",
      [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63],
      true,
    ],
  ])("the file content must match its declared type: %s → %s", (_title, type, bytes, ok) => {
    expect(looksLike(type, new Uint8Array(bytes))).toBe(ok);
  });

  it.each([
    ["taken at the scene 5 minutes after the report: no flag", 5, 0, []],
    ["taken exactly 30 minutes before the report: no flag", -30, 0, []],
    ["taken 31 minutes after the report: time flag", 31, 0, ["time"]],
    ["taken 450 m away: no flag", 0, 0.00405, []],
    ["taken about 1.1 km away: distance flag", 0, 0.01, ["distance"]],
    ["taken 2 hours earlier and 1.1 km away: both flags", -120, 0.01, ["time", "distance"]],
  ])("%s", (_title, minutes, dLat, codes) => {
    const flags = photoFlags(
      { capturedAt: new Date(REPORTED.getTime() + minutes * 60_000), point: { lat: PLACE.lat + dLat, lng: PLACE.lng } },
      { reportedAt: REPORTED, point: PLACE },
      P,
    );
    expect(flags.map((f) => f.code)).toEqual(codes);
  });

  it("reports how far off a flagged photo was", () => {
    const flags = photoFlags(
      { capturedAt: new Date(REPORTED.getTime() + 45 * 60_000), point: PLACE },
      { reportedAt: REPORTED, point: PLACE },
      P,
    );
    expect(flags).toEqual([{ code: "time", minutesFromReport: 45 }]);
  });

  it("never flags a photo taken at the place and time of the report, whatever the tolerances", () => {
    fc.assert(
      fc.property(fc.nat(1_000), fc.nat(10_000), (minutes, metres) => {
        const tol = { photoTimeToleranceMinutes: minutes, photoDistanceToleranceMetres: metres };
        expect(photoFlags({ capturedAt: REPORTED, point: PLACE }, { reportedAt: REPORTED, point: PLACE }, tol)).toEqual(
          [],
        );
      }),
    );
  });
});
