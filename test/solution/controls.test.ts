// The control names that `npm run build:control -- <Name>` and `npm start -- <Name>` accept.
import { listControls, resolveControl } from "../../solution/scripts/controls";

describe("the controls of the set", () => {
  it("are the folders under controls/ that hold a manifest, in order (common/ has none)", () => {
    expect(listControls()).toEqual(["IntegrationPatternPicker", "ThrottlingEventPanel", "VirtualTablePreview"]);
  });

  it("are found by name in any case", () => {
    expect(resolveControl("virtualtablepreview")).toBe("VirtualTablePreview");
    expect(resolveControl("ThrottlingEventPanel")).toBe("ThrottlingEventPanel");
  });

  it("an unknown name is refused with the names that exist", () => {
    expect(() => resolveControl("common")).toThrow(
      'Unknown control "common". Controls: IntegrationPatternPicker, ThrottlingEventPanel, VirtualTablePreview',
    );
  });
});
