import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { portName } from "../kernel/mod.ts";
import { descriptor, marketplacePlatformPorts, marketplacePolicyDefaults } from "./mod.ts";

describe("KRN-R13 the marketplace module descriptor", () => {
  it("names the module and the ports each region's plugins must provide", () => {
    expect(descriptor.id).toBe("marketplace");
    expect(descriptor.title.zh).toBe("龙岩数字普惠金融服务平台");
    expect(descriptor.requiredPorts.map(portName)).toEqual([
      "marketplace.CreditDataSource",
      "marketplace.LenderGateway",
      "marketplace.RealEstateRegistry",
    ]);
  });

  it("lists separately the ports the platform itself provides", () => {
    expect(marketplacePlatformPorts.map(portName)).toEqual([
      "marketplace.UnitOfWork",
      "marketplace.Queries",
      "marketplace.ApplyCodeSigner",
    ]);
  });

  it("its policy schema accepts the 龙岩 default pack", () => {
    expect(v.safeParse(descriptor.policySchema, marketplacePolicyDefaults).success).toBe(true);
  });
});
