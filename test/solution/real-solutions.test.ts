// Real solution zips that Dataverse imports (../shared/reference/real-solutions: one built by pac for
// Microsoft's sample, three exported from Dataverse): the verifier accepts each with no error.
import * as fs from "fs";
import * as path from "path";
import { verifySolutionZip, type VerifiedSolution } from "../../solution/scripts/verify";
import { REAL_SOLUTIONS_DIR, describeWithShared } from "./zip-helpers";

/** What each zip is, from its own solution.xml and customizations.xml. */
const EXPECTED: Record<string, { solution: Omit<VerifiedSolution, "languages">; controls: string[] }> = {
  "CodeInterpreterControlSolution.zip": {
    // Built by pac with a two-part version.
    solution: { uniqueName: "CodeInterpreterControlSolution", version: "1.0", managed: true, prefix: "dev" },
    controls: ["dev_CodeInterpreterSample.CodeInterpreterControl"],
  },
  "CodeInterpreterSample_1_0_0_0_managed.zip": {
    // A Dataverse export with a table, an app and no code component: only root files.
    solution: { uniqueName: "CodeInterpreterSample", version: "1.0.0.0", managed: true, prefix: "sample" },
    controls: [],
  },
  "DocxTemplateSample_1_0_0_1.zip": {
    solution: { uniqueName: "DocxTemplateSample", version: "1.0.0.1", managed: false, prefix: "raw" },
    controls: ["raw_RAW.DocxTemplatesCanvas"],
  },
  "DocxTemplateSample_1_0_0_1_managed.zip": {
    solution: { uniqueName: "DocxTemplateSample", version: "1.0.0.1", managed: true, prefix: "raw" },
    controls: ["raw_RAW.DocxTemplatesCanvas"],
  },
};

describeWithShared("verifySolutionZip on real solutions that Dataverse imports", REAL_SOLUTIONS_DIR, () => {
  it("has every zip of the reference folder in this test", () => {
    const zips = fs
      .readdirSync(REAL_SOLUTIONS_DIR)
      .filter((f) => f.endsWith(".zip"))
      .sort();
    expect(zips).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("accepts %s with no error", async (file, expected) => {
    const r = await verifySolutionZip(path.join(REAL_SOLUTIONS_DIR, file));
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.solution).toMatchObject(expected.solution);
    expect(r.solution?.languages).toContain(1033);
    expect(r.controls.map((c) => c.name)).toEqual(expected.controls);
  });

  it("reads the Docx export's twelve languages and its canvas app files without a warning", async () => {
    const r = await verifySolutionZip(path.join(REAL_SOLUTIONS_DIR, "DocxTemplateSample_1_0_0_1.zip"));
    expect(r.solution?.languages).toHaveLength(12);
    expect(r.warnings).toEqual([]);
  });

  it("finds the pac-built sample's declared resx and the licence file beside the bundle", async () => {
    const r = await verifySolutionZip(path.join(REAL_SOLUTIONS_DIR, "CodeInterpreterControlSolution.zip"));
    expect(r.controls[0].files).toContain(
      "Controls/dev_CodeInterpreterSample.CodeInterpreterControl/strings/CodeInterpreterControl.1033.resx",
    );
    expect(r.warnings).toEqual([]);
  });
});
