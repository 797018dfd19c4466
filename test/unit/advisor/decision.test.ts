import {
  DECISION_MAX_DEPTH,
  DECISION_SCHEMA,
  createDecision,
  decisionToMarkdown,
  jsonDepth,
  parseDecision,
  serializeDecision,
  type DecisionMarkdownText,
  type PatternDecision,
} from "@integrationkit/shared";

const at = new Date("2025-01-02T03:04:05.000Z");

function ok(raw: string | undefined): PatternDecision {
  const r = parseDecision(raw);
  if (r.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.decision;
}

describe("decision record", () => {
  it("stores scenario, choice, reasons, warnings and timestamp, and reads back the same", () => {
    const d = createDecision(
      "dmf-package-api",
      { apps: ["finance-operations"], volume: "high", initiatedBy: "external-system", requirements: ["change-tracking"] },
      at,
      {
        recordsPerRun: 200_000,
        runsPerDay: 2,
        batchSize: 10,
      },
    );
    expect(d).toBeDefined();
    expect(d!.schema).toBe(DECISION_SCHEMA);
    expect(d!.decidedAt).toBe("2025-01-02T03:04:05.000Z");
    expect(d!.fit).toBe("recommended");
    expect(d!.reasons.map((r) => r.code)).toContain("requirement.core:change-tracking");
    expect(d!.budget).toMatchObject({ requestsPer5Min: 20_000, throttled: true });
    expect(ok(serializeDecision(d!))).toEqual(d);
  });

  it("writes the text the control gives each reason, so a reader of the JSON sees it", () => {
    const d = createDecision("odata", { apps: ["finance-operations"] }, at, undefined, { describe: (i) => `text of ${i.code}` })!;
    expect(d.reasons).toEqual([{ code: "apps.match:finance-operations", message: "text of apps.match:finance-operations" }]);
  });

  it("refuses to build a decision for an unknown pattern or an invalid date", () => {
    expect(createDecision("sap-idoc", {}, at)).toBeUndefined();
    expect(createDecision("odata", {}, new Date(Number.NaN))).toBeUndefined();
  });

  it("classifies empty, broken and foreign column content without throwing", () => {
    expect(parseDecision(null)).toEqual({ status: "empty" });
    expect(parseDecision("   ")).toEqual({ status: "empty" });
    expect(parseDecision("{not json").status).toBe("invalid-json");
    expect(parseDecision("[1,2]")).toEqual({ status: "unrecognized" });
    expect(parseDecision('{"schema":"other","patternId":"odata"}')).toEqual({ status: "unrecognized" });
  });

  it("checks the type of every field and names the one that is wrong", () => {
    const good = JSON.parse(serializeDecision(createDecision("odata", { apps: ["finance-operations"] }, at)!)!) as Record<string, unknown>;
    const withField = (field: string, value: unknown) => JSON.stringify({ ...good, [field]: value });
    expect(parseDecision(withField("patternId", 42))).toEqual({ status: "invalid-field", field: "patternId" });
    expect(parseDecision(withField("decidedAt", "yesterday"))).toEqual({ status: "invalid-field", field: "decidedAt" });
    expect(parseDecision(withField("decidedAt", "2025-02-30T10:00:00Z"))).toEqual({ status: "invalid-field", field: "decidedAt" });
    expect(parseDecision(withField("decidedAt", "2025-13-01T10:00:00Z"))).toEqual({ status: "invalid-field", field: "decidedAt" });
    expect(parseDecision(withField("scenario", "everything"))).toEqual({ status: "invalid-field", field: "scenario" });
    expect(parseDecision(withField("reasons", [{ code: 1 }]))).toEqual({ status: "invalid-field", field: "reasons" });
    expect(parseDecision(withField("warnings", "none"))).toEqual({ status: "invalid-field", field: "warnings" });
    expect(parseDecision(withField("score", 7))).toEqual({ status: "invalid-field", field: "score" });
    expect(parseDecision(withField("fit", "great"))).toEqual({ status: "invalid-field", field: "fit" });
    expect(parseDecision(withField("version", "2"))).toEqual({ status: "invalid-field", field: "version" });
    expect(parseDecision(withField("budget", { input: { recordsPerRun: "many", runsPerDay: 1, batchSize: 1 } }))).toEqual({
      status: "invalid-field",
      field: "budget",
    });
    expect(parseDecision(withField("decidedAt", "2025-01-02T03:04:05+01:00")).status).toBe("ok");
  });

  it("refuses 10,000 levels of nesting without throwing, and a decision built afterwards still serializes", () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const good = JSON.parse(serializeDecision(createDecision("odata", {}, at)!)!) as Record<string, unknown>;
    const raw = JSON.stringify({ ...good, future: "__DEEP__" }).replace('"__DEEP__"', deep);
    expect(() => parseDecision(raw)).not.toThrow();
    expect(parseDecision(raw)).toEqual({ status: "too-deep", maxDepth: DECISION_MAX_DEPTH });
    const inBudget = JSON.stringify({
      ...good,
      budget: { input: { recordsPerRun: 1, runsPerDay: 1, batchSize: 1, extra: "__DEEP__" } },
    }).replace('"__DEEP__"', deep);
    expect(parseDecision(inBudget).status).toBe("too-deep");
    expect(jsonDepth(JSON.parse(deep) as unknown)).toBeGreaterThan(DECISION_MAX_DEPTH);
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3);
  });

  it("keeps fields and answers from a newer version when the decision is saved again", () => {
    const base = JSON.parse(serializeDecision(createDecision("odata", { apps: ["finance-operations"], kind: "data" }, at)!)!) as Record<
      string,
      unknown
    >;
    const newer = {
      ...base,
      version: 7,
      reviewer: { name: "Ada", approved: true },
      scenario: { apps: ["finance-operations", "sap-s4"], kind: "data", region: "emea", timing: "streaming" },
    };
    const read = ok(JSON.stringify(newer));
    expect(read.scenario).toEqual({ apps: ["finance-operations"], kind: "data" });
    expect(read.extra).toEqual({ reviewer: { name: "Ada", approved: true } });
    const again = createDecision("custom-services", { ...read.scenario, kind: "process" }, at, undefined, { previous: read })!;
    const written = JSON.parse(serializeDecision(again)!) as Record<string, unknown>;
    expect(written.reviewer).toEqual({ name: "Ada", approved: true });
    expect(written.scenario).toEqual({ apps: ["finance-operations", "sap-s4"], kind: "process", region: "emea", timing: "streaming" });
    expect(written.patternId).toBe("custom-services");
    expect(written.version).toBe(2);
  });

  it("drops messages (keeps codes) when the column is too short, and gives up when even that does not fit", () => {
    const d = createDecision("odata", { apps: ["finance-operations"], kind: "data", volume: "low" }, at, undefined, {
      describe: (i) => `long text for ${i.code}`,
    })!;
    const full = serializeDecision(d)!;
    const short = serializeDecision(d, full.length - 1)!;
    expect(short.length).toBeLessThan(full.length);
    expect(ok(short).reasons.map((r) => r.code)).toEqual(d.reasons.map((r) => r.code));
    expect(serializeDecision(d, 50)).toBeUndefined();
  });

  it("renders Markdown with pattern, answers, reasons, warnings, budget, sources and date, escaping user text", () => {
    const d = createDecision(
      "dual-write",
      { apps: ["finance-operations", "customer-engagement"], direction: "bidirectional", volume: "high" },
      at,
      {
        recordsPerRun: 1000,
        runsPerDay: 4,
        batchSize: 10,
      },
    )!;
    const text: DecisionMarkdownText = {
      title: "Decision",
      pattern: "Pattern",
      decidedAt: "Decided",
      fit: "Fit",
      answers: "Answers",
      reasons: "Reasons",
      warnings: "Warnings",
      budget: "Budget",
      sources: "Sources",
      none: "None",
      patternName: (id) => `Name of ${id} <b>|`,
      fitLabel: (fit, score) => `${fit} ${Math.round(score * 100)}`,
      date: (iso) => `on ${iso}`,
      answer: (q, v) => ({ question: `Q ${q}`, answer: `A ${v}` }),
      advice: (i) => `advice ${i.code}`,
      budgetLines: (b) => [`${b.input.recordsPerRun} records`],
    };
    const md = decisionToMarkdown(d, text);
    expect(md).toContain("## Decision");
    expect(md).toContain("Name of dual\\-write \\<b\\>\\|");
    expect(md).toContain("on 2025\\-01\\-02T03:04:05.000Z");
    expect(md).toContain("- Q apps: A finance\\-operations, A customer\\-engagement");
    expect(md).toContain("### Reasons");
    expect(md).toContain("advice throttling.fo\\-priority:high");
    expect(md).toContain("- 1000 records");
    expect(md).toContain("integrate\\-other\\-solutions\\-guidance\\-product.md: Dynamics 365 cross app integration: Dual\\-write");
  });
});
