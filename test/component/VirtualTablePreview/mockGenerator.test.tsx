import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import {
  ComponentFrameworkMockGeneratorReact,
  DataSetMock,
  EnumPropertyMock,
  TwoOptionsPropertyMock,
  WholeNumberPropertyMock,
} from "@shko.online/componentframework-mock";
import { VirtualTablePreview } from "../../../controls/VirtualTablePreview";
import type { IInputs, IOutputs } from "../../../controls/VirtualTablePreview/generated/ManifestTypes";
import { resxGetString } from "../../helpers/resx";

/** The real control on the community PCF mock (a typed context and dataset), as a second host besides our fakes. */
describe("VirtualTablePreview on @shko.online/componentframework-mock", () => {
  function setup() {
    const generator = new ComponentFrameworkMockGeneratorReact<IInputs, IOutputs>(VirtualTablePreview, {
      records: DataSetMock,
      pageSize: WholeNumberPropertyMock,
      density: EnumPropertyMock,
      showDiagnostics: TwoOptionsPropertyMock,
    });
    generator.context.resources.getString.callsFake(resxGetString("VirtualTablePreview"));
    generator.context._SetCanvasItems({ pageSize: 25, showDiagnostics: true, density: "compact" } as never);
    const ds = generator.context._parameters.records;
    ds._loading = false;
    ds._InitItems([
      { id: "a1", name: "Alpine Ski House", mserp_customeraccount: "US-000001" },
      { id: "a2", name: "Coho Winery", mserp_customeraccount: "US-000002" },
      { id: "a3", name: "<i>Fabrikam</i>", mserp_customeraccount: "US-000003" },
    ]);
    generator.ExecuteInit();
    return { generator, ds, ...render(generator.ExecuteUpdateView()) };
  }

  it("shows the mock's rows and asks it to sort and refresh", async () => {
    const { ds, container } = setup();
    await waitFor(() => expect(screen.getByText("Coho Winery")).toBeTruthy());
    expect(screen.getByText("<i>Fabrikam</i>")).toBeTruthy();
    expect(container.querySelector("i")).toBeNull();
    expect(ds.paging.setPageSize.calledWith(25)).toBe(true);
    const header = screen.getAllByRole("columnheader").find((h) => h.textContent?.startsWith("mserp_customeraccount"))!;
    fireEvent.click(header);
    expect(ds.sorting).toEqual([{ name: "mserp_customeraccount", sortDirection: 0 }]);
    expect(ds.refresh.calledOnce).toBe(true);
  });

  it("selects through the mock and opens a record", async () => {
    const { ds } = setup();
    await waitFor(() => expect(screen.getByText("Coho Winery")).toBeTruthy());
    const row = screen.getAllByRole("row").find((r) => r.textContent?.includes("Coho Winery"))!;
    fireEvent.click(within(row).getByRole("checkbox"));
    expect(ds.setSelectedRecordIds.lastCall.args[0]).toEqual(["a2"]);
    fireEvent.doubleClick(row);
    expect(ds.openDatasetItem.calledOnce).toBe(true);
  });
});
