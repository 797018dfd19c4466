import * as fs from "fs";
import * as path from "path";
import { systemJobStatus } from "@integrationkit/shared";
import { loadResx } from "../../helpers/resx";

const root = path.join(__dirname, "..", "..", "..", "controls", "ThrottlingEventPanel");
const table = loadResx("ThrottlingEventPanel");

function sources(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? e.name === "generated"
          ? []
          : [sources(path.join(dir, e.name))]
        : /\.tsx?$/.test(e.name)
          ? [fs.readFileSync(path.join(dir, e.name), "utf8")]
          : [],
    )
    .join("\n");
}

describe("ThrottlingEventPanel strings", () => {
  it("has a display name and description for the control, every property and every enum value", () => {
    const manifest = fs.readFileSync(path.join(root, "ControlManifest.Input.xml"), "utf8");
    const keys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThanOrEqual(2 + 5 * 2 + 2 * 2);
    for (const k of keys) expect(table[k]).toBeTruthy();
  });

  it("has every key the code asks for, including the computed ones", () => {
    const code =
      sources(root) + fs.readFileSync(path.join(__dirname, "..", "..", "..", "shared", "src", "throttling", "priorities.ts"), "utf8");
    const literal = [
      ...code.matchAll(/\b(?:t|key|errorKey)\(?:?\s*\(?"([A-Z][A-Za-z]+_[A-Za-z_]+|Title|LastUpdated|ActionError|SkippedRows)"/g),
    ].map((m) => m[1]);
    expect(literal.length).toBeGreaterThan(60);
    const computed = [
      ...["loading", "ok", "throttled", "error", "unavailable"].map((s) => `Status_${s}`),
      "Status_Paused",
      ...["ok", "warning", "critical"].map((l) => `Level_${l}`),
      ...["requests", "executionTime", "concurrency", "resource", "http429"].map((r) => `Reason_${r}`),
      ...["webhook", "serviceBusQueue", "serviceBusTopic", "eventHub", "eventGrid", "other"].map((k) => `Kind_${k}`),
      ...["Low", "Medium", "High"].map((p) => `Priority_${p}`),
      ...["cancel", "resume", "postpone"].flatMap((a) => [`JobAction_${a}`, `JobAction_${a}_Aria`, `Confirm_${a}_Title`]),
      "Confirm_cancel_Body",
      "Confirm_resume_Body",
      "Confirm_postpone_Body_ready",
      "Confirm_postpone_Body_locked",
      // Messages the shared reducer and the runner put in the state.
      ...[
        "Error_Timeout",
        "Error_Server",
        "Error_Network",
        "Error_SignedOut",
        "Error_Request",
        "ActionError_Throttled",
        "ActionError_Busy",
        "ActionError_Forbidden",
      ],
      ...[
        "Note_EndpointsTruncated",
        "Note_EndpointsNotCounted",
        "Note_StepsTruncated",
        "Note_StepsNotCounted",
        "Note_JobsTruncated",
        "Headroom_NoClientUrl",
      ],
      ...["PrioritiesError_Duplicate", "PrioritiesError_DuplicateId", "PrioritiesError_Type", "PrioritiesError_UserId"],
      ...["autoDelete", "synchronous", "notRead"].map((u) => `Unknown_${u}`),
      ...["user", "businessUnit", "none"].map((d) => `ReadDepth_${d}`),
      ...[0, 10, 20, 21, 22, 30, 31, 32].map((s) => systemJobStatus(s < 10 ? 0 : Math.floor(s / 10), s).statusKey),
      systemJobStatus(9, 9).statusKey,
      "Source_SignedInUser",
      "Source_ThisPanel",
    ];
    const missing = [...new Set([...literal, ...computed])].filter((k) => !table[k]);
    expect(missing).toEqual([]);
  });
});
