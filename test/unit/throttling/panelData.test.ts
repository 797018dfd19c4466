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
    expect(parseAppPriorities('[{"name":"A","priority":"low","clientId":"' + EP + '"}]')).toEqual({
      ok: true,
      entries: [{ name: "A", kind: "app", clientId: EP, priority: "Low" }],
    });
    expect(parseAppPriorities('{"B":"HIGH","C":"Medium"}')).toEqual({
      ok: true,
      entries: [
        { name: "B", kind: "app", priority: "High" },
        { name: "C", kind: "app", priority: "Medium" },
      ],
    });
    expect(parseAppPriorities("  ")).toEqual({ ok: true, entries: [] });
  });

  it("maps a priority per user as well as per app registration (FO priority-based throttling)", () => {
    expect(
      parseAppPriorities('[{"name":"Batch user","type":"user","userId":"batch","priority":"Low"},{"name":"Orders","priority":"High"}]'),
    ).toEqual({
      ok: true,
      entries: [
        { name: "Batch user", kind: "user", userId: "batch", priority: "Low" },
        { name: "Orders", kind: "app", priority: "High" },
      ],
    });
  });

  it("refuses duplicate names and ids with where they are", () => {
    expect(parseAppPriorities('[{"name":"A","priority":"Low"},{"name":"a","priority":"High"}]')).toEqual({
      ok: false,
      errorKey: "PrioritiesError_Duplicate",
      values: { position: 2, first: 1, name: "a" },
    });
    const twice = `[{"name":"A","clientId":"${EP}","priority":"Low"},{"name":"B","clientId":"${EP.toUpperCase()}","priority":"High"}]`;
    expect(parseAppPriorities(twice)).toEqual({
      ok: false,
      errorKey: "PrioritiesError_DuplicateId",
      values: { position: 2, first: 1, name: "B" },
    });
  });

  it.each([
    ["{nope", "PrioritiesError_Json"],
    ["42", "PrioritiesError_Shape"],
    ["[1]", "PrioritiesError_Entry"],
    ['[{"name":"","priority":"Low"}]', "PrioritiesError_Name"],
    ['[{"name":"A","priority":"Urgent"}]', "PrioritiesError_Priority"],
    ['[{"name":"A","priority":"Low","clientId":"x"}]', "PrioritiesError_ClientId"],
    ['[{"name":"A","priority":"Low","type":"robot"}]', "PrioritiesError_Type"],
    ['[{"name":"A","priority":"Low","type":"user"}]', "PrioritiesError_UserId"],
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
    expect(order.map((o) => [o.name, o.rank])).toEqual([
      ["l", 1],
      ["m", 2],
      ["h", 3],
    ]);
  });
});

describe("step modes and auto-delete", () => {
  it("shows 'not known' instead of 0 where jobs cannot tell the count", () => {
    const S2 = "33333333-3333-3333-3333-333333333333";
    const EP2 = "44444444-4444-4444-4444-444444444444";
    const EP3 = "55555555-5555-5555-5555-555555555555";
    const { steps } = readSteps([
      { sdkmessageprocessingstepid: STEP, _eventhandler_value: EP, mode: 1, asyncautodelete: true, statecode: 0 },
      { sdkmessageprocessingstepid: S2, _eventhandler_value: EP2, mode: 0, statecode: 0 },
    ]);
    const eps = [
      { id: EP, name: "Auto-delete hook", kind: "webhook" as const },
      { id: EP2, name: "Sync hook", kind: "webhook" as const },
      { id: EP3, name: "Left out", kind: "eventHub" as const },
    ];
    const rows = summarizeDeliveries(eps, [], steps, new Set([EP3]));
    expect(rows[0]).toEqual({
      name: "Auto-delete hook",
      kind: "webhook",
      succeeded: null,
      failed: 0,
      waiting: 0,
      retried: 0,
      unknown: "autoDelete",
    });
    expect(rows[1]).toMatchObject({ succeeded: null, failed: null, waiting: null, unknown: "synchronous" });
    expect(rows[2]).toMatchObject({ succeeded: null, unknown: "notRead" });
  });
});

describe("gauges from header-implied limits", () => {
  it("never shows 0 used of the default when the headers report more left than the default", () => {
    const first = headroomFromHeaders({ burstRemaining: 7999 });
    expect(first.headroom.requests).toEqual({ used: 0, limit: 7999, limitIsLowerBound: true, remaining: 7999 });
    const later = headroomFromHeaders({ burstRemaining: 7000 }, first.seen);
    expect(later.headroom.requests).toEqual({ used: 999, limit: 7999, limitIsLowerBound: true, remaining: 7000 });
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
        {
          asyncoperationid: "j1",
          name: "Create of account",
          statecode: 3,
          statuscode: 31,
          friendlymessage: "Endpoint unreachable",
          createdon: "2026-01-01T00:00:00Z",
          _owningextensionid_value: STEP,
          retrycount: 1,
        },
        {
          asyncoperationid: "j2",
          statecode: 1,
          statuscode: 10,
          createdon: "2026-01-01T00:01:00Z",
          _owningextensionid_value: STEP,
          postponeuntil: "2026-01-01T02:00:00Z",
        },
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
    expect(summarizeDeliveries(endpoints, jobs.jobs)).toEqual([
      { name: "Orders hook", kind: "webhook", succeeded: 0, failed: 1, waiting: 1, retried: 1 },
    ]);
    // The step's mode was not returned: it may be synchronous, so nothing can be counted.
    expect(summarizeDeliveries(endpoints, jobs.jobs, steps.steps)[0]).toMatchObject({
      succeeded: null,
      failed: null,
      unknown: "synchronous",
    });
    expect(readJobs(undefined, new Map(), new Map())).toEqual({ jobs: [], skipped: 0 });
  });

  it("builds queries only from well-formed ids", () => {
    expect(stepQuery([EP, "x) or true"])).toBe(
      `?$select=sdkmessageprocessingstepid,name,mode,asyncautodelete,statecode,_eventhandler_value&$filter=_eventhandler_value eq ${EP}`,
    );
    const q = asyncOperationQuery([STEP], new Date(Date.UTC(2026, 0, 1)));
    // Every unfinished job, however old, plus the completed ones of the window; unfinished first.
    expect(q).toContain(`$filter=(statecode ne 3 or createdon ge 2026-01-01T00:00:00.000Z) and (_owningextensionid_value eq ${STEP})`);
    expect(q).toContain("$orderby=statecode asc,createdon desc");
  });

  it("maps contracts and headroom", () => {
    expect([8, 2, 6, 5, 7, 9, 1, "8"].map(endpointKindFromContract)).toEqual([
      "webhook",
      "serviceBusQueue",
      "serviceBusQueue",
      "serviceBusTopic",
      "eventHub",
      "eventGrid",
      "other",
      "other",
    ]);
    expect(headroomFromHeaders({ burstRemaining: 5999, timeRemainingSeconds: 1200 }).headroom).toEqual({
      requests: { used: 1, limit: 6000, limitIsLowerBound: false, remaining: 5999 },
      executionMs: { used: 0, limit: 1_200_000, limitIsLowerBound: false, remaining: 1_200_000 },
    });
    expect([0.1, 0.7, 0.95, NaN].map(headroomLevel)).toEqual(["ok", "warning", "critical", "critical"]);
  });
});
