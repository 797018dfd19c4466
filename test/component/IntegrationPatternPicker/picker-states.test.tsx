import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { parseDecision } from "@integrationkit/shared";
import { axe } from "../../setup/axe";
import { chosenStatus, items } from "./list";
import { setup } from "./setup";

// The picker with bad input, read-only, and in a second language (choosing and the views are in picker.test.tsx).
jest.setTimeout(30000);

describe("IntegrationPatternPicker: bad input", () => {
  it("keeps an unknown id untouched and reports it until the user picks", async () => {
    const { container, outputs, mock } = setup({ value: "sap-idoc" });
    expect(screen.getByText("Unknown value in the column")).toBeTruthy();
    expect(screen.getByText(/The column holds "sap-idoc", which is not a pattern this control knows/)).toBeTruthy();
    expect(chosenStatus()).toContain('"sap-idoc" (not a known pattern)');
    // Interacting with the advisor writes nothing.
    fireEvent.click(screen.getByRole("checkbox", { name: "Customer engagement apps (Dataverse)" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Compare Webhooks" }));
    expect(outputs()).toEqual([]);
    expect(mock.context.parameters.value.raw).toBe("sap-idoc");
    expect(await axe(container)).toHaveNoViolations();

    fireEvent.click(screen.getByRole("button", { name: "Choose Webhooks" }));
    await waitFor(() => expect(outputs()[0]?.value).toBe("webhooks"));
    await waitFor(() => expect(screen.queryByText("Unknown value in the column")).toBeNull());
  });

  it("reports malformed decision JSON and keeps it until a new decision is saved", async () => {
    const { container, outputs } = setup({ value: "odata", decision: "{ this is not json" });
    expect(screen.getByText("The saved decision cannot be read")).toBeTruthy();
    expect(screen.getByText(/does not contain valid JSON/)).toBeTruthy();
    expect(chosenStatus()).toContain("OData endpoint");
    expect(outputs()).toEqual([]);
    expect(await axe(container)).toHaveNoViolations();

    fireEvent.click(screen.getByRole("button", { name: "Choose Custom services (REST, SOAP, JSON)" }));
    await waitFor(() => expect(outputs()).toHaveLength(1));
    expect(parseDecision(outputs()[0].decision).status).toBe("ok");
    await waitFor(() => expect(screen.queryByText("The saved decision cannot be read")).toBeNull());
  });

  it("reports JSON that is not a decision record", () => {
    setup({ decision: '{"hello":"world"}' });
    expect(screen.getByText(/holds data this control does not recognize/)).toBeTruthy();
  });
});

describe("IntegrationPatternPicker: read-only", () => {
  it("is fully viewable but writes nothing when the control is disabled", async () => {
    const { container, outputs } = setup({ value: "webhooks", disabled: true });
    expect(screen.getByText(/Read-only: you can explore and compare patterns/)).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: /^Choose / })).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Show details of Webhooks" }));
    expect(screen.getByRole("region", { name: "Details of Webhooks" })).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Compare Webhooks" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Compare Azure Service Bus integration" }));
    fireEvent.click(screen.getByRole("button", { name: "Compare (2)" }));
    expect(screen.getByRole("table")).toBeTruthy();
    expect(outputs()).toEqual([]);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("writes nothing when field security denies editing the column", () => {
    const { outputs } = setup({ value: "", valueSecurity: { editable: false, readable: true, secured: true } });
    expect(screen.getByText(/Read-only/)).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: /^Choose / })).toHaveLength(0);
    expect(outputs()).toEqual([]);
  });

  it("hides the value when field security denies reading it", async () => {
    const { container } = setup({ value: "dual-write", valueSecurity: { editable: false, readable: false, secured: true } });
    expect(chosenStatus()).toContain("hidden by field security");
    expect(chosenStatus()).not.toContain("Dual-write");
    expect(screen.queryByText("This is the chosen pattern")).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("writes only the value when the decision column is read-only", async () => {
    const { outputs } = setup({ value: "", decisionSecurity: { editable: false, readable: true, secured: true } });
    fireEvent.click(screen.getByRole("button", { name: "Choose Webhooks" }));
    await waitFor(() => expect(outputs()).toHaveLength(1));
    expect(outputs()[0]).toEqual({ value: "webhooks" });
  });
});

describe("IntegrationPatternPicker: second language", () => {
  it("takes every visible string, advice included, from the German .resx", async () => {
    const { container } = setup({ lcid: 1031, value: "nope" });
    expect(screen.getByRole("heading", { name: "Berater für Integrationsmuster" })).toBeTruthy();
    expect(screen.getByText("Unbekannter Wert in der Spalte")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Finanz- und Betriebs-Apps" }));
    expect(
      within(items("Muster nach Eignung sortiert")[0]).getByText("Läuft in Finanz- und Betriebs-Apps, die zum Szenario gehören."),
    ).toBeTruthy();
    await act(() => Promise.resolve());
    expect(await axe(container)).toHaveNoViolations();
  });
});
