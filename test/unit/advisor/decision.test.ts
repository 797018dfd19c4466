import { DECISION_SCHEMA, createDecision, parseDecision, serializeDecision } from "@integrationkit/shared";

const at = new Date("2025-01-02T03:04:05.000Z");

describe("decision record", () => {
  it("stores scenario, choice, reasons, warnings and timestamp, and reads back the same", () => {
    const d = createDecision("dmf-package-api", { apps: ["finance-operations"], volume: "high", requirements: ["change-tracking"] }, at, {
      recordsPerRun: 200_000,
      runsPerDay: 2,
      batchSize: 10,
    });
    expect(d).toBeDefined();
    expect(d!.schema).toBe(DECISION_SCHEMA);
    expect(d!.decidedAt).toBe("2025-01-02T03:04:05.000Z");
    expect(d!.fit).toBe("recommended");
    expect(d!.reasons.map((r) => r.code)).toContain("requirement.core:change-tracking");
    expect(d!.budget).toMatchObject({ requestsPer5Min: 20_000, throttled: true });
    const parsed = parseDecision(serializeDecision(d!));
    expect(parsed).toEqual({ status: "ok", decision: d });
  });

  it("refuses to build a decision for an unknown pattern", () => {
    expect(createDecision("sap-idoc", {}, at)).toBeUndefined();
  });

  it("classifies empty, broken and foreign column content without throwing", () => {
    expect(parseDecision(null)).toEqual({ status: "empty" });
    expect(parseDecision("   ")).toEqual({ status: "empty" });
    expect(parseDecision("{not json").status).toBe("invalid-json");
    expect(parseDecision("[1,2]")).toEqual({ status: "unrecognized" });
    expect(parseDecision('{"schema":"other","patternId":"odata"}')).toEqual({ status: "unrecognized" });
  });

  it("drops English messages (keeps codes) when the column is too short, and gives up when even that does not fit", () => {
    const d = createDecision("odata", { apps: ["finance-operations"], kind: "data", volume: "low" }, at)!;
    const full = serializeDecision(d)!;
    const short = serializeDecision(d, full.length - 1)!;
    expect(short.length).toBeLessThan(full.length);
    const back = parseDecision(short);
    expect(back.status).toBe("ok");
    if (back.status === "ok") expect(back.decision.reasons.map((r) => r.code)).toEqual(d.reasons.map((r) => r.code));
    expect(serializeDecision(d, 50)).toBeUndefined();
  });
});
