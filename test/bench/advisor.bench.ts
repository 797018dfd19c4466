/**
 * Advisor benchmarks: recommend() over the whole catalogue (target < 50 µs median per call, issue 3),
 * plus the budget estimate and the decision round trip the control runs on every pick.
 */
import {
  PATTERN_IDS,
  createDecision,
  estimateBudget,
  parseDecision,
  recommend,
  serializeDecision,
  type Scenario,
} from "@integrationkit/shared";
import { BenchRow, timeMedian } from "./util";

const EMPTY: Scenario = {};
/** Every question answered and several needs ticked: the most work recommend() does per pattern. */
const FULL: Scenario = {
  apps: ["finance-operations", "customer-engagement"],
  kind: "data",
  direction: "bidirectional",
  timing: "near-real-time",
  volume: "high",
  trigger: "system-event",
  initiatedBy: "dynamics-365",
  deployment: "cloud",
  requirements: ["shared-master-data", "no-replication", "notification", "low-code", "change-tracking"],
};

export default function bench(): Promise<BenchRow[]> {
  const us = (ms: number): number => ms * 1000;
  const opts = { runs: 25, inner: 2000, warmup: 5 };
  const full = us(timeMedian(() => recommend(FULL), opts));
  const empty = us(timeMedian(() => recommend(EMPTY), opts));
  const budget = us(
    timeMedian(() => estimateBudget({ recordsPerRun: 250_000, runsPerDay: 24, batchSize: 100, requestMs: 40, parallelism: 8 }), opts),
  );
  const decision = createDecision("dual-write", FULL, new Date(0), { recordsPerRun: 1000, runsPerDay: 24, batchSize: 10 })!;
  const roundTrip = us(timeMedian(() => parseDecision(serializeDecision(decision)), { runs: 25, inner: 500, warmup: 5 }));
  return Promise.resolve([
    {
      group: "advisor",
      name: `recommend() full scenario, ${PATTERN_IDS.length} patterns (median per call)`,
      value: full,
      unit: "µs",
      target: "< 50",
      pass: full < 50,
    },
    {
      group: "advisor",
      name: `recommend() empty scenario, ${PATTERN_IDS.length} patterns (median per call)`,
      value: empty,
      unit: "µs",
      target: "< 50",
      pass: empty < 50,
    },
    { group: "advisor", name: "estimateBudget() (median per call)", value: budget, unit: "µs" },
    { group: "advisor", name: "decision serialize + parse (median per call)", value: roundTrip, unit: "µs" },
  ]);
}
