import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { afterAll, describe, expect, it } from "vitest";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { PaymentGatewayPort } from "../../core/quickclaim/mod.ts";
import { silentLogger } from "../_framework/logger.ts";
import type { PluginContext } from "../_framework/plugin-manifest.ts";
import { manifest } from "./manifest.ts";
import { PaymentLedger, readPaymentLedger } from "./payment-ledger.ts";
import { SimulatedPaymentGateway } from "./simulated-payment-gateway.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const clock = new FixedClock("2026-03-01T07:00:00Z");
const options = { refuseCardsEndingWith: ["0000"], settleLater: false, latencyMs: 0 };
const order = (requestId: string, amountFen = 320_000, cardNumber = "6222021234567890128") => ({
  requestId,
  amountFen,
  payee: { cardNumber, holderName: "陈丽华" },
  memo: "快处快赔理赔款",
});

describe("quickclaim-payment-sim 理赔款支付通道（模拟）: at most once per request id (QC-R07)", () => {
  it("executes an order once; a repeat — even with another amount — gets the first outcome and moves nothing", async () => {
    const gw = new SimulatedPaymentGateway(new PaymentLedger(null), clock, silentLogger, options);
    const first = await gw.pay(order("c1.p1"));
    expect(first).toEqual({
      status: "succeeded",
      gatewayRef: "SIMPAY-c1.p1",
      amountFen: 320_000,
      paidAt: "2026-03-01T07:00:00.000Z",
    });
    const again = await Promise.all([gw.pay(order("c1.p1")), gw.pay(order("c1.p1", 1))]);
    expect(again).toEqual([first, first]);
    expect(gw.transfers().map((t) => [t.requestId, t.amountFen, t.payeeCard])).toEqual([
      ["c1.p1", 320_000, "622202*********0128"],
    ]);
    expect(await gw.status("c9.p1")).toEqual({ status: "not_found" });
  });

  it("a refused card is a final failure under that key; pending orders settle when asked", async () => {
    const gw = new SimulatedPaymentGateway(new PaymentLedger(null), clock, silentLogger, options);
    expect((await gw.pay(order("c2.p1", 100, "6217001111222230000"))).status).toBe("failed");
    expect((await gw.status("c2.p1")).status).toBe("failed");
    const later = new SimulatedPaymentGateway(new PaymentLedger(null), clock, silentLogger, {
      ...options,
      settleLater: true,
    });
    expect((await later.pay(order("c3.p1"))).status).toBe("pending");
    expect(later.transfers()).toEqual([]);
    expect((await later.status("c3.p1")).status).toBe("succeeded");
    expect((await later.pay(order("c3.p1"))).status).toBe("succeeded");
    expect(later.transfers().length).toBe(1);
  });

  it("keeps its journal under dataDir, so a restarted process finds the executed order (no card numbers in it)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "qc-pay-"));
    dirs.push(dataDir);
    const ctx: PluginContext = {
      clock,
      ids: new RandomIds(clock),
      logger: silentLogger,
      regionCode: "350900",
      regionName: { zh: "宁德", en: "Ningde" },
      production: false,
      dataDir,
      onClose: () => {},
    };
    const make = async () =>
      (await manifest.create(v.parse(manifest.configSchema, {}), ctx)).get(
        PaymentGatewayPort,
      ) as SimulatedPaymentGateway;
    const before = await make();
    await before.pay(order("c4.p1"));
    const after = await make(); // a new process
    expect((await after.pay(order("c4.p1"))).status).toBe("succeeded");
    const file = join(dataDir, "simulators", "payment-ledger", "350900.jsonl");
    expect(readPaymentLedger(file).map((e) => e.requestId)).toEqual(["c4.p1"]);
    expect(readFileSync(file, "utf8")).not.toContain("6222021234567890128");
    expect(after.transfers().length).toBe(1);
  });
});
