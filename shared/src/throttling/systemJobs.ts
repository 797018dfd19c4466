/**
 * System jobs (`asyncoperation`): what a statecode/statuscode pair means and which actions the
 * documentation allows from it. Source: MicrosoftDocs/powerapps-docs developer/data-platform/asynchronous-service.md
 * and reference/entities/asyncoperation.md.
 */

type SystemJobState = "ready" | "suspended" | "locked" | "completed" | "unknown";
type SystemJobOutcome = "pending" | "waiting" | "running" | "succeeded" | "failed" | "canceled" | "unknown";
export type SystemJobAction = "cancel" | "resume" | "postpone";

interface SystemJobStatus {
  state: SystemJobState;
  /** .resx key of the status label, e.g. `JobStatus_Failed`. */
  statusKey: string;
  outcome: SystemJobOutcome;
  /** Actions allowed from this state, in display order. */
  actions: SystemJobAction[];
}

const STATES: Record<number, SystemJobState> = { 0: "ready", 1: "suspended", 2: "locked", 3: "completed" };

// statuscode -> [statecode it belongs to, label key, outcome]
const STATUSES: Record<number, [number, string, SystemJobOutcome]> = {
  0: [0, "JobStatus_WaitingForResources", "pending"],
  10: [1, "JobStatus_Waiting", "waiting"],
  20: [2, "JobStatus_InProgress", "running"],
  21: [2, "JobStatus_Pausing", "running"],
  22: [2, "JobStatus_Canceling", "running"],
  30: [3, "JobStatus_Succeeded", "succeeded"],
  31: [3, "JobStatus_Failed", "failed"],
  32: [3, "JobStatus_Canceled", "canceled"],
};

/**
 * Documented transitions: cancel from Ready, Suspended or Locked (to Completed/Canceled);
 * resume from Suspended (to Ready); postpone from Ready or Locked.
 */
function allowedActions(statecode: number): SystemJobAction[] {
  const actions: SystemJobAction[] = [];
  if (statecode === 0 || statecode === 1 || statecode === 2) actions.push("cancel");
  if (statecode === 1) actions.push("resume");
  if (statecode === 0 || statecode === 2) actions.push("postpone");
  return actions;
}

/**
 * Interprets an asyncoperation row. A pair that does not belong together (e.g. state Completed with
 * status Waiting) or an unknown code gives `unknown` with no actions: we never act on data we cannot read.
 */
export function systemJobStatus(statecode: number, statuscode: number): SystemJobStatus {
  const state = Number.isInteger(statecode) ? STATES[statecode] : undefined;
  const status = Number.isInteger(statuscode) ? STATUSES[statuscode] : undefined;
  if (state === undefined || status === undefined || status[0] !== statecode) {
    return { state: state ?? "unknown", statusKey: "JobStatus_Unknown", outcome: "unknown", actions: [] };
  }
  return { state, statusKey: status[1], outcome: status[2], actions: allowedActions(statecode) };
}

/**
 * The column values to write for an action. Only statecode, statuscode and postponeuntil are
 * updatable on asyncoperation (asyncoperation.md).
 */
export function systemJobActionUpdate(action: SystemJobAction, now: Date, postponeMinutes = 60): Record<string, unknown> {
  switch (action) {
    case "cancel":
      return { statecode: 3, statuscode: 32 };
    case "resume":
      return { statecode: 0, statuscode: 0 };
    case "postpone":
      return { postponeuntil: new Date(now.getTime() + postponeMinutes * 60_000).toISOString() };
  }
}
