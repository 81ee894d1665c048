import { describe, expect, it } from "vitest";
import { NodeHasher } from "../../adapters/crypto/node-hasher.ts";

describe("hasher", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["宁德", "20d0b50d21ae9dadc26071898ac639df44b00acf3df7098814675dacd488352d"],
  ])("SHA-256 of %j is the standard digest of its UTF-8 bytes", (text, hex) => {
    expect(new NodeHasher().sha256Hex(text)).toBe(hex);
  });
});
