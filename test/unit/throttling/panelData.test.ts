import {
  asyncOperationQuery,
  effectivePollSeconds,
  effectiveWindowMinutes,
  endpointKindFromContract,
  headroomFromHeaders,
  headroomLevel,
  MIN_POLL_SECONDS,
  ownTrafficPerMinute,
  DEFAULT_POLL_SECONDS,
  parseAppPriorities,
  readEndpoints,
  readJobs,
  readSteps,
  stepQuery,
  summarizeDeliveries,
  throttlingOrder,
} from "@integrationkit/shared";

const EP = "11111111-1111-1111-1111-111111111111";
const STEP = "22222222-2222-2222-2222-222222222222";

describe("poll interval floor", () => {
  it("keeps the panel's own traffic under 2 requests a minute at the floor and default", () => {
    expect(ownTrafficPerMinute(MIN_POLL_SECONDS)).toBeLessThan(2);
    expect(ownTrafficPerMinute(MIN_POLL_SECONDS - 1)).toBeGreaterThanOrEqual(2);
    expect(ownTrafficPerMinute(DEFAULT_POLL_SECONDS)).toBeLessThan(2);
    expect(effectivePollSeconds(5)).toEqual({ seconds: MIN_POLL_SECONDS, clamped: true });
    expect(effectivePollSeconds(undefined)).toEqual({ seconds: DEFAULT_POLL_SECONDS, clamped: false });
    expect(effectivePollSeconds(120)).toEqual({ seconds: 120, clamped: false });
    expect(effectivePollSeconds(1e9).clamped).toBe(true);
    expect(effectiveWindowMinutes(null)).toBe(60);
    expect(effectiveWindowMinutes(1)).toBe(5);
  });
});

describe("app priorities JSON", () => {
  it("accepts the array and the map shapes, case-insensitively", () => {
    expect(parseAppPriorities('[{"name":"A","priority":"low","clientId":"' + EP + '"}]')).toEqual({ ok: true, entries: [{ name: "A", clientId: EP, priority: "Low" }] });
    expect(parseAppPriorities('{"B":"HIGH","C":"Medium"}')).toEqual({ ok: true, entries: [{ name: "B", priority: "High" }, { name: "C", priority: "Medium" }] });
    expect(parseAppPriorities("  ")).toEqual({ ok: true, entries: [] });
  });

  it.each([
    ["{nope", "PrioritiesError_Json"],
    ["42", "PrioritiesError_Shape"],
    ["[1]", "PrioritiesError_Entry"],
    ['[{"name":"","priority":"Low"}]', "PrioritiesError_Name"],
    ['[{"name":"A","priority":"Urgent"}]', "PrioritiesError_Priority"],
    ['[{"name":"A","priority":"Low","clientId":"x"}]', "PrioritiesError_ClientId"],
    [JSON.stringify(Array.from({ length: 51 }, (_, i) => ({ name: `a${i}`, priority: "Low" }))), "PrioritiesError_TooMany"],
  ])("rejects %s with %s", (json, key) => {
    const r = parseAppPriorities(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errorKey).toBe(key);
  });

  it("orders Low first, then Medium, then High", () => {
    const order = throttlingOrder([
      { name: "h", priority: "High" },
      { name: "l", priority: "Low" },
      { name: "m", priority: "Medium" },
    ]);
    expect(order.map((o) => [o.name, o.rank])).toEqual([["l", 1], ["m", 2], ["h", 3]]);
  });
});

describe("live rows", () => {
  it("reads endpoints, steps and jobs, skipping rows it cannot read", () => {
    const { endpoints, skipped } = readEndpoints([{ serviceendpointid: EP, name: "Orders hook", contract: 8 }, { name: "no id" }, null]);
    expect(endpoints).toEqual([{ id: EP, name: "Orders hook", kind: "webhook" }]);
    expect(skipped).toBe(2);
    const steps = readSteps([{ sdkmessageprocessingstepid: STEP, _eventhandler_value: EP }, { foo: 1 }]);
    expect(steps.skipped).toBe(1);
    const jobs = readJobs(
      [
        { asyncoperationid: "j1", name: "Create of account", statecode: 3, statuscode: 31, friendlymessage: "Endpoint unreachable", createdon: "2026-01-01T00:00:00Z", _owningextensionid_value: STEP, retrycount: 1 },
        { asyncoperationid: "j2", statecode: 1, statuscode: 10, createdon: "2026-01-01T00:01:00Z", _owningextensionid_value: STEP, postponeuntil: "2026-01-01T02:00:00Z" },
        { asyncoperationid: "j3", statecode: "3", statuscode: 30, createdon: "2026-01-01T00:01:00Z" },
        { asyncoperationid: "j4", statecode: 3, statuscode: 30, createdon: "not a date" },
        "junk",
      ],
      steps.steps,
      new Map([[EP, "Orders hook"]]),
    );
    expect(jobs.skipped).toBe(3);
    expect(jobs.jobs[0]).toMatchObject({ id: "j1", endpoint: "Orders hook", message: "Endpoint unreachable", retried: true });
    expect(jobs.jobs[1].postponeUntil).toBe(Date.parse("2026-01-01T02:00:00Z"));
    expect(summarizeDeliveries(endpoints, jobs.jobs)).toEqual([{ name: "Orders hook", kind: "webhook", succeeded: 0, failed: 1, waiting: 1, retried: 1 }]);
    expect(readJobs(undefined, new Map(), new Map())).toEqual({ jobs: [], skipped: 0 });
  });

  it("builds queries only from well-formed ids", () => {
    expect(stepQuery([EP, "x) or true"])).toBe(`?$select=sdkmessageprocessingstepid,name,_eventhandler_value&$filter=_eventhandler_value eq ${EP}`);
    const q = asyncOperationQuery([STEP], new Date(Date.UTC(2026, 0, 1)));
    expect(q).toContain(`createdon ge 2026-01-01T00:00:00.000Z and (_owningextensionid_value eq ${STEP})`);
    expect(q).toContain("$top=200");
  });

  it("maps contracts and headroom", () => {
    expect([8, 2, 6, 5, 7, 9, 1, "8"].map(endpointKindFromContract)).toEqual(["webhook", "serviceBusQueue", "serviceBusQueue", "serviceBusTopic", "eventHub", "eventGrid", "other", "other"]);
    expect(headroomFromHeaders({ burstRemaining: 5999, timeRemainingSeconds: 1200 })).toEqual({ requestsUsed: 1, executionUsedMs: 0 });
    expect([0.1, 0.7, 0.95, NaN].map(headroomLevel)).toEqual(["ok", "warning", "critical", "critical"]);
  });
});
