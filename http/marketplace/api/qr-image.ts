import QRCode from "qrcode";
import {
  type ApplyCode,
  applyCodeMessage,
  applyCodeToken,
  type MarketplaceDeps,
} from "../../../core/marketplace/mod.ts";
import { mkPath } from "../pages/mk-paths.ts";

/**
 * MKT-R08 码上贷 images: the QR code encodes the absolute link of the 码上贷 landing page
 * (`/marketplace/{region}/qr/{token}`, shared with the pages through mkPath), whose token is
 * the code's signed claims. The token is recomputed from the stored code with the region's
 * signer (HMAC, deterministic), so an image can be fetched again at any time.
 */
export async function tokenOf(deps: Pick<MarketplaceDeps, "applyCodeSigner">, code: ApplyCode): Promise<string> {
  const claims = {
    codeId: code.id,
    regionCode: code.regionCode,
    productId: code.productId,
    branchId: code.branchId,
    managerId: code.managerId,
    expiresAt: code.expiresAt,
  };
  return applyCodeToken(claims, await deps.applyCodeSigner.sign(applyCodeMessage(claims)));
}

/** The landing page's path for a token (what the QR code encodes after the site's origin). */
export function applyCodeLink(regionCode: string, token: string): string {
  return mkPath.qr(regionCode, token);
}

/** The site's public origin: PUBLIC_BASE_URL when set (behind a proxy), else the request's. */
export function publicOrigin(requestUrl: string): string {
  const configured = process.env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return new URL(requestUrl).origin;
}

const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: "png", width: 480 });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: "svg" });
}
