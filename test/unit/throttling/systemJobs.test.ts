import { systemJobActionUpdate, systemJobStatus } from "@integrationkit/shared";

describe("systemJobStatus", () => {
  it.each([
    [0, 0, "ready", "JobStatus_WaitingForResources", "pending", ["cancel", "postpone"]],
    [1, 10, "suspended", "JobStatus_Waiting", "waiting", ["cancel", "resume"]],
    [2, 20, "locked", "JobStatus_InProgress", "running", ["cancel", "postpone"]],
    [2, 21, "locked", "JobStatus_Pausing", "running", ["cancel", "postpone"]],
    [2, 22, "locked", "JobStatus_Canceling", "running", ["cancel", "postpone"]],
    [3, 30, "completed", "JobStatus_Succeeded", "succeeded", []],
    [3, 31, "completed", "JobStatus_Failed", "failed", []],
    [3, 32, "completed", "JobStatus_Canceled", "canceled", []],
  ])("state %i / status %i", (statecode, statuscode, state, statusKey, outcome, actions) => {
    expect(systemJobStatus(statecode, statuscode)).toEqual({ state, statusKey, outcome, actions });
  });

  it("gives unknown with no actions for a status that does not belong to the state", () => {
    expect(systemJobStatus(3, 10)).toEqual({ state: "completed", statusKey: "JobStatus_Unknown", outcome: "unknown", actions: [] });
    expect(systemJobStatus(9, 0).actions).toEqual([]);
    expect(systemJobStatus(NaN, 31).outcome).toBe("unknown");
  });

  it("writes only the updatable columns", () => {
    const now = new Date(Date.UTC(2026, 0, 1));
    expect(systemJobActionUpdate("cancel", now)).toEqual({ statecode: 3, statuscode: 32 });
    expect(systemJobActionUpdate("resume", now)).toEqual({ statecode: 0, statuscode: 0 });
    expect(systemJobActionUpdate("postpone", now, 30)).toEqual({ postponeuntil: "2026-01-01T00:30:00.000Z" });
  });
});
