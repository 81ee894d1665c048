import { DomainError } from "../../kernel/mod.ts";
import { distanceMetres, type GeoPoint } from "../domain/geo.ts";
import type { PhotoFlag } from "../domain/quick-claim-case.ts";

/** QC-R02 photo file limits in force for the case. */
export interface PhotoFileLimits {
  readonly photoContentTypes: readonly string[];
  readonly photoMaxBytes: number;
}

/** Photo type and size limits: a wrong type or an oversize file is refused (QC-R02). */
export function checkPhotoFile(contentType: string, sizeBytes: number, limits: PhotoFileLimits): void {
  const type = contentType.toLowerCase().split(";")[0]?.trim() ?? "";
  if (!limits.photoContentTypes.includes(type)) {
    throw new DomainError(`a photo must be one of ${limits.photoContentTypes.join(", ")}`, {
      ruleId: "QC-R02",
      field: "photo.contentType",
      detail: { allowed: limits.photoContentTypes },
    });
  }
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes <= 0) {
    throw new DomainError("the photo file is empty", { ruleId: "QC-R02", field: "photo.size" });
  }
  if (sizeBytes > limits.photoMaxBytes) {
    throw new DomainError(`a photo may be at most ${limits.photoMaxBytes} bytes`, {
      ruleId: "QC-R02",
      field: "photo.size",
      detail: { maxBytes: limits.photoMaxBytes },
    });
  }
}

/** Does the file start like the image type it claims to be? (JPEG, PNG, HEIC/HEIF, WebP.) */
export function looksLike(contentType: string, head: Uint8Array): boolean {
  const b = (i: number) => head[i] ?? -1;
  const ascii = (from: number, text: string) => [...text].every((ch, i) => b(from + i) === ch.charCodeAt(0));
  switch (contentType) {
    case "image/jpeg":
      return b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff;
    case "image/png":
      return b(0) === 0x89 && ascii(1, "PNG") && b(4) === 0x0d && b(5) === 0x0a;
    case "image/heic":
    case "image/heif":
      return ascii(4, "ftyp");
    case "image/webp":
      return ascii(0, "RIFF") && ascii(8, "WEBP");
    default:
      return true;
  }
}

/**
 * QC-R02 flags for the officer: a photo captured more than the tolerance (minutes) from the
 * report time, or more than the tolerance (metres) from the reported place. A flag does not
 * refuse the photo; the officer weighs it.
 */
export function photoFlags(
  photo: { readonly capturedAt: Date; readonly point: GeoPoint },
  report: { readonly reportedAt: Date; readonly point: GeoPoint },
  tolerance: { readonly photoTimeToleranceMinutes: number; readonly photoDistanceToleranceMetres: number },
): PhotoFlag[] {
  const flags: PhotoFlag[] = [];
  const apartMs = Math.abs(photo.capturedAt.getTime() - report.reportedAt.getTime());
  if (apartMs > tolerance.photoTimeToleranceMinutes * 60_000) {
    flags.push({ code: "time", minutesFromReport: Math.floor(apartMs / 60_000) });
  }
  const metres = distanceMetres(photo.point, report.point);
  if (metres > tolerance.photoDistanceToleranceMetres) flags.push({ code: "distance", metresFromPlace: metres });
  return flags;
}
