import { deflateSync } from "node:zlib";

/**
 * A small but real PNG "photo" for browser tests (so thumbnails render in screenshots): a sky,
 * a road and a coloured car-shaped block, drawn pixel by pixel and encoded with zlib.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A 240×160 RGB PNG of a road scene with a car in `rgb` at horizontal offset `shift`. */
export function scenePng(rgb: readonly [number, number, number], shift = 0): Uint8Array {
  const w = 240;
  const h = 160;
  const raw = new Uint8Array((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      let px: readonly [number, number, number] = y < 70 ? [150, 190, 235] : [95, 100, 108];
      if (y >= 112 && y < 116 && x % 40 < 22) px = [240, 240, 240]; // lane marking
      const cx = x - 70 - shift;
      if (y >= 80 && y < 118 && cx >= 0 && cx < 100) px = rgb; // body
      if (y >= 66 && y < 82 && cx >= 20 && cx < 78) px = [200, 225, 245]; // windows
      if (y >= 112 && y < 126 && (Math.abs(cx - 20) < 9 || Math.abs(cx - 80) < 9)) px = [25, 25, 25]; // wheels
      raw.set(px, row + 1 + x * 3);
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, w);
  v.setUint32(4, h);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", new Uint8Array(deflateSync(raw))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
