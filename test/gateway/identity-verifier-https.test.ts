import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installPlugin } from "../../adapters/composition/install-plugin.ts";
import type { IdentityVerifier } from "../../core/kernel/mod.ts";
import { IdentityVerifierPort } from "../../plugins/_framework/kernel-tokens.ts";
import { manifestProblems, undescribedFields } from "../../plugins/_framework/validate-manifest.ts";
import { serviceUrl } from "../../plugins/identity-verifier-https/config.ts";
import { createIdentityVerifierHttps } from "../../plugins/identity-verifier-https/create-identity-verifier.ts";
import { HttpsIdentityVerifier } from "../../plugins/identity-verifier-https/https-identity-verifier.ts";
import type {
  WireEnterpriseAgentRequest,
  WirePersonRequest,
} from "../../plugins/identity-verifier-https/identity-wire.ts";
import { manifest } from "../../plugins/identity-verifier-https/manifest.ts";
import { installedPlugins } from "../../plugins/index.ts";
import { type BankReply, FakeBank } from "./support/fake-bank.ts";
import { type LogLine, newSecret, pluginContext } from "./support/gateway-fixtures.ts";

/** 林阿伯 asks to be verified; the fake service is the provincial real-name service "idv_fj". */
const person = { name: "林阿伯", residentId: "350981196803121039", mobile: "13800138000" };
const agent = {
  uscc: "91350900MA2XXXXXX1",
  enterpriseName: "宁德福鼎白茶合作社",
  agentName: "林阿伯",
  agentResidentId: "350981196803121039",
};

type WireRequest = WirePersonRequest & WireEnterpriseAgentRequest;

/**
 * The service on loopback (the fake bank of the http-gateway tests: it checks our signature with
 * its own keyring and replay memory, answers 401 when that fails, and signs its answers), reached
 * through the plugin with a key rotation under way: "k2" is current, "k1" still accepted.
 */
async function connectService(options: { timeoutMs?: number; platformSecretK2?: string } = {}) {
  const secrets = { k1: newSecret(), k2: newSecret() };
  const service = await FakeBank.start({ institutionId: "idv_fj", keys: secrets, signWith: "k2" });
  const config = v.parse(manifest.configSchema, {
    serviceId: "idv_fj",
    baseUrl: `${service.url}/api`,
    keyId: "k2",
    secretEnv: "FIF_IDV",
    previousKey: { keyId: "k1", secretEnv: "FIF_IDV_OLD" },
    timeoutMs: options.timeoutMs ?? 3000,
    allowHttpForTesting: true,
  });
  const { ctx, lines } = pluginContext();
  const provision = createIdentityVerifierHttps(config, ctx, {
    FIF_IDV: options.platformSecretK2 ?? secrets.k2,
    FIF_IDV_OLD: secrets.k1,
  });
  const verifier = provision.get(IdentityVerifierPort) as IdentityVerifier;
  return { service, verifier, lines };
}

/** Sets what the service answers; it sees our request body as the identity wire JSON. */
function answer(service: FakeBank, reply: (request: WireRequest) => BankReply): void {
  service.reply = (r) => reply(r as unknown as WireRequest);
}

let service: FakeBank;
let verifier: IdentityVerifier;
let lines: LogLine[];

beforeEach(async () => {
  ({ service, verifier, lines } = await connectService({ timeoutMs: 1500 }));
});
afterEach(async () => {
  await service.close();
  vi.unstubAllEnvs();
});

describe("KRN-R06 实名核验 over KRN-R14 signed HTTPS: the service's answers", () => {
  it("a person who matches: the service's outcome and reference come back", async () => {
    answer(service, () => ({ kind: "json", body: { outcome: "match", reference: "GAT-2026-0001" } }));
    await expect(verifier.verifyPerson(person)).resolves.toEqual({ outcome: "match", reference: "GAT-2026-0001" });
  });

  it("a person who does not match: mismatch with the reference (an answer, not a failure)", async () => {
    answer(service, () => ({ kind: "json", body: { outcome: "mismatch", reference: "GAT-2026-0002" } }));
    await expect(verifier.verifyPerson(person)).resolves.toEqual({
      outcome: "mismatch",
      reference: "GAT-2026-0002",
    });
  });

  it("the person check is a signed POST to baseUrl + personPath carrying name, resident ID, mobile and our request id", async () => {
    answer(service, (r) => ({ kind: "json", body: { outcome: "match", reference: "R1", requestId: r.requestId } }));
    await verifier.verifyPerson(person);
    const [got] = service.requests;
    expect(got?.method).toBe("POST");
    expect(got?.path).toBe("/api/fif/v1/identity/person");
    expect(got?.refusal).toBeNull();
    expect(got?.verified).toMatchObject({ institutionId: "idv_fj", keyId: "k2" });
    expect(got?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(got?.body).toEqual({ ...person, requestId: expect.stringMatching(/^idv_/) });
  });

  it.each(["match", "mismatch"] as const)(
    "an enterprise agent check answered %s goes to enterprisePath",
    async (outcome) => {
      answer(service, () => ({ kind: "json", body: { outcome, reference: "SAMR-7" } }));
      await expect(verifier.verifyEnterpriseAgent(agent)).resolves.toEqual({ outcome, reference: "SAMR-7" });
      const [got] = service.requests;
      expect(got?.path).toBe("/api/fif/v1/identity/enterprise-agent");
      expect(got?.refusal).toBeNull();
      expect(got?.body).toEqual({ ...agent, requestId: expect.stringMatching(/^idv_/) });
    },
  );

  it("every check carries a fresh nonce and a fresh request id", async () => {
    answer(service, () => ({ kind: "json", body: { outcome: "match", reference: "R" } }));
    await verifier.verifyPerson(person);
    await verifier.verifyPerson(person);
    expect(service.requests.map((r) => r.refusal)).toEqual([null, null]);
    expect(new Set(service.requests.map((r) => r.verified?.nonce)).size).toBe(2);
    expect(new Set(service.requests.map((r) => (r.body as unknown as WireRequest).requestId)).size).toBe(2);
  });

  it("during a key rotation an answer signed with the previous key is accepted", async () => {
    answer(service, () => ({
      kind: "json",
      body: { outcome: "match", reference: "R-old-key" },
      sign: { keyId: "k1" },
    }));
    await expect(verifier.verifyPerson(person)).resolves.toEqual({ outcome: "match", reference: "R-old-key" });
  });

  it("a service that cannot verify our signature answers 401: an error, and the service saw a bad signature", async () => {
    const other = await connectService({ platformSecretK2: "a-secret-the-service-does-not-know-0123456789" });
    try {
      answer(other.service, () => ({ kind: "json", body: { outcome: "match", reference: "R" } }));
      await expect(other.verifier.verifyPerson(person)).rejects.toThrow(
        "idv_fj: the verification service answered HTTP 401",
      );
      expect(other.service.requests[0]?.refusal).toMatch(/^bad signature/);
    } finally {
      await other.service.close();
    }
  });
});

describe("KRN-R14 answers that cannot be trusted are errors (the citizen sees 503, nothing is stored)", () => {
  const ok = { outcome: "match", reference: "GAT-2026-0001" };

  it.each([
    ["signed with a secret the platform does not hold", { secret: "x".repeat(43) }, "answer refused: bad signature"],
    [
      "changed after signing (mismatch turned into match)",
      { tamper: (b: string) => b.replace("mismatch", "match") },
      "answer refused: bad signature",
    ],
    ["signed with an unknown key id", { keyId: "k0" }, "answer refused: unknown key: institution idv_fj has no key k0"],
    ["sent without signature headers", { unsigned: true }, "answer refused: missing header X-FIF-Institution"],
    ["signed six minutes ago", { skewSeconds: -360 }, "answer refused: stale timestamp"],
    ["signed as another counterparty", { institutionId: "inst_ccb" }, "answer refused: unknown key"],
  ])("an answer %s is refused", async (_title, sign, message) => {
    answer(service, () => ({ kind: "json", body: { outcome: "mismatch", reference: "R" }, sign }));
    await expect(verifier.verifyPerson(person)).rejects.toThrow(`idv_fj: ${message}`);
  });

  it("a replayed answer (the same nonce a second time) is refused", async () => {
    answer(service, () => ({ kind: "json", body: ok, sign: { nonce: "same-nonce-every-time-0001" } }));
    await expect(verifier.verifyPerson(person)).resolves.toEqual(ok);
    await expect(verifier.verifyPerson(person)).rejects.toThrow("idv_fj: answer refused: replayed nonce");
  });

  it.each([
    ["text that is not JSON", { text: "<html>busy</html>" }, "idv_fj: malformed answer: not JSON"],
    ["an empty body", { text: "" }, "idv_fj: malformed answer: not JSON"],
    [
      "an unknown outcome",
      { text: JSON.stringify({ outcome: "maybe", reference: "R" }) },
      'idv_fj: malformed answer: outcome: outcome must be "match" or "mismatch"',
    ],
    ["no reference", { text: JSON.stringify({ outcome: "match" }) }, "idv_fj: malformed answer: reference"],
    [
      "an empty reference",
      { text: JSON.stringify({ outcome: "match", reference: " " }) },
      "malformed answer: reference",
    ],
    ["a JSON array", { text: "[]" }, "idv_fj: malformed answer"],
    [
      "the answer to another request",
      { text: JSON.stringify({ ...ok, requestId: "idv_someone_else" }) },
      "malformed answer: it echoes another requestId",
    ],
    [
      "HTML content",
      { text: "{}", contentType: "text/html" },
      'malformed answer: content type "text/html" is not JSON',
    ],
    ["HTTP 503", { text: JSON.stringify(ok), status: 503 }, "idv_fj: the verification service answered HTTP 503"],
    ["HTTP 404", { text: JSON.stringify(ok), status: 404 }, "idv_fj: the verification service answered HTTP 404"],
    ["an answer of 100 KB", { text: JSON.stringify({ ...ok, pad: "x".repeat(100_000) }) }, "larger than 65536 bytes"],
  ])("a signed answer with %s is an error", async (_title, raw, message) => {
    answer(service, () => ({ kind: "raw", ...raw }));
    await expect(verifier.verifyPerson(person)).rejects.toThrow(message);
  });

  it("a redirect is never followed: an error, and the service sees no second request", async () => {
    answer(service, () => ({
      kind: "raw",
      text: "",
      status: 307,
      headers: { location: `${service.url}/api/fif/v1/identity/person` },
    }));
    await expect(verifier.verifyPerson(person)).rejects.toThrow("idv_fj: could not reach the verification service");
    expect(service.requests).toHaveLength(1);
  });

  it("a slow service: the check gives up after timeoutMs", async () => {
    const slow = await connectService({ timeoutMs: 300 });
    try {
      answer(slow.service, () => ({ kind: "hang" }));
      const started = performance.now();
      await expect(slow.verifier.verifyEnterpriseAgent(agent)).rejects.toThrow("idv_fj: no answer within 300 ms");
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      await slow.service.close();
    }
  });

  it("the service is down: an error naming the connection error, logged with the subject masked", async () => {
    await service.close();
    await expect(verifier.verifyPerson(person)).rejects.toThrow(
      "idv_fj: could not reach the verification service (ECONNREFUSED)",
    );
    const warned = lines.find((l) => l.level === "warn");
    expect(warned?.fields).toMatchObject({
      serviceId: "idv_fj",
      kind: "person",
      subject: { name: "林**", residentId: "3****************9", mobile: "138****8000" },
    });
  });

  it("no log line carries the resident ID, mobile or name in clear, whether the check succeeds or fails", async () => {
    answer(service, () => ({ kind: "json", body: ok }));
    await verifier.verifyPerson(person);
    await verifier.verifyEnterpriseAgent(agent);
    answer(service, () => ({ kind: "raw", text: "{}", status: 500 }));
    await expect(verifier.verifyPerson(person)).rejects.toThrow("HTTP 500");
    await expect(verifier.verifyEnterpriseAgent(agent)).rejects.toThrow("HTTP 500");
    expect(lines.filter((l) => l.level === "warn")).toHaveLength(2);
    const logged = JSON.stringify(lines);
    for (const clear of [person.residentId, person.mobile, person.name, agent.uscc, agent.enterpriseName]) {
      expect(logged).not.toContain(clear);
    }
  });
});

const base = {
  serviceId: "idv_fj",
  baseUrl: "https://idv.gat.example.cn/api/",
  keyId: "2026-11",
  secretEnv: "FIF_IDV_TEST",
};
const region = { code: "350800", name: { zh: "龙岩", en: "Longyan" } };

function install(config: unknown, production = false) {
  const { ctx } = pluginContext({ production });
  const { regionCode: _r, regionName: _n, onClose: _c, ...services } = ctx;
  return installPlugin(
    manifest,
    { id: "identity-verifier-https", config: config as Record<string, unknown> },
    region,
    services,
    () => {},
  );
}

describe("KRN-R13 identity-verifier-https plugin manifest and configuration", () => {
  it("the manifest is valid: kind gateway, provides kernel.IdentityVerifier, every config field described", () => {
    expect(manifestProblems(manifest)).toEqual([]);
    expect(undescribedFields(manifest.configSchema)).toEqual([]);
    expect(manifest.kind).toBe("gateway");
    expect(manifest.provides).toEqual([IdentityVerifierPort]);
    expect(installedPlugins).toContain(manifest);
  });

  it("defaults: the two paths, 5 s timeout, 300-second window, https only", () => {
    expect(v.parse(manifest.configSchema, base)).toEqual({
      ...base,
      personPath: "/fif/v1/identity/person",
      enterprisePath: "/fif/v1/identity/enterprise-agent",
      timeoutMs: 5000,
      allowHttpForTesting: false,
      replayWindowSeconds: 300,
    });
  });

  it.each([
    ["https://idv.example.cn", "/fif/v1/identity/person", "https://idv.example.cn/fif/v1/identity/person"],
    ["https://idv.example.cn/api/", "/p", "https://idv.example.cn/api/p"],
    ["https://idv.example.cn:8443/api", "/e", "https://idv.example.cn:8443/api/e"],
  ])("baseUrl %s with path %s posts to %s", (baseUrl, path, url) => {
    expect(serviceUrl(baseUrl, path).toString()).toBe(url);
  });

  it("installs with the secret from the named environment variable and provides the verifier", async () => {
    vi.stubEnv("FIF_IDV_TEST", newSecret());
    const installed = await install(base);
    expect(installed.provision.get(IdentityVerifierPort)).toBeInstanceOf(HttpsIdentityVerifier);
  });

  it.each([
    [
      "an http:// URL without the testing flag",
      { ...base, baseUrl: "http://10.1.2.3:8080" },
      "config field baseUrl: an http:// URL is refused: the verification service is reached over https",
    ],
    ["a relative URL", { ...base, baseUrl: "/idv" }, "config field baseUrl: must be an absolute https:// URL"],
    [
      "a URL with credentials",
      { ...base, baseUrl: "https://user:pw@idv.example.cn" },
      "config field baseUrl: must not carry a query, a fragment or credentials",
    ],
    [
      "a secret pasted instead of an environment variable name",
      { ...base, secretEnv: "s3cr3t-value-pasted-here" },
      "config field secretEnv: the name of an environment variable",
    ],
    [
      "a previous key with the current key's id",
      { ...base, previousKey: { keyId: "2026-11", secretEnv: "FIF_IDV_OLD" } },
      "config field previousKey: the previous key needs its own key id",
    ],
    ["a bad service id", { ...base, serviceId: "idv fj" }, "config field serviceId: a service id is 1-100 of"],
    [
      "a path without a leading slash",
      { ...base, personPath: "person" },
      "config field personPath: a path starting with /",
    ],
    ["a timeout under 100 ms", { ...base, timeoutMs: 50 }, "config field timeoutMs"],
    ["a replay window over 15 minutes", { ...base, replayWindowSeconds: 3600 }, "config field replayWindowSeconds"],
    ["an unknown field", { ...base, secret: "x" }, "secret"],
    ["no service id", { ...base, serviceId: undefined }, "config field serviceId"],
  ])("refuses %s, naming the field", async (_t, config, message) => {
    await expect(install(config)).rejects.toThrow(message);
  });

  it("a missing secret stops start-up naming the service and the environment variable", async () => {
    await expect(install(base)).rejects.toThrow(
      "region 350800 (龙岩): plugin identity-verifier-https failed to start: verification service idv_fj: the environment variable FIF_IDV_TEST (secretEnv) holding its shared secret is not set",
    );
  });

  it("a short secret is refused without showing it", async () => {
    vi.stubEnv("FIF_IDV_TEST", "tooshort-secret");
    const e = await install(base).then(
      () => new Error("installed"),
      (err: Error) => err,
    );
    expect(e.message).toContain("the secret in FIF_IDV_TEST (secretEnv) is shorter than 32 bytes");
    expect(e.message).not.toContain("tooshort-secret");
  });

  it("a missing previous-key secret is named too", async () => {
    vi.stubEnv("FIF_IDV_TEST", newSecret());
    const config = { ...base, previousKey: { keyId: "2026-05", secretEnv: "FIF_IDV_TEST_OLD" } };
    await expect(install(config)).rejects.toThrow("FIF_IDV_TEST_OLD (previousKey.secretEnv)");
  });

  it("http:// with the testing flag installs outside production and is refused in production", async () => {
    vi.stubEnv("FIF_IDV_TEST", newSecret());
    const config = { ...base, baseUrl: "http://127.0.0.1:9999", allowHttpForTesting: true };
    await expect(install(config)).resolves.toBeDefined();
    await expect(install(config, true)).rejects.toThrow(
      "plugin identity-verifier-https failed to start: allowHttpForTesting is refused when NODE_ENV=production (verification service idv_fj)",
    );
  });

  it("https installs in production", async () => {
    vi.stubEnv("FIF_IDV_TEST", newSecret());
    const installed = await install(base, true);
    expect(installed.provision.get(IdentityVerifierPort)).toBeInstanceOf(HttpsIdentityVerifier);
  });
});
