/** A render error inside the picker shows ControlRoot's localized message and Try again, never a blank form section. */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { axe } from "../../setup/axe";
import { setup } from "./setup";

const failure = { on: true };

jest.mock("../../../controls/IntegrationPatternPicker/components/PatternList", () => {
  const actual = jest.requireActual<typeof import("../../../controls/IntegrationPatternPicker/components/PatternList")>(
    "../../../controls/IntegrationPatternPicker/components/PatternList",
  );
  return {
    ...actual,
    PatternList: (props: React.ComponentProps<typeof actual.PatternList>) => {
      if (failure.on) throw new Error("list failed");
      return React.createElement(actual.PatternList, props);
    },
  };
});

jest.setTimeout(30000);

describe("IntegrationPatternPicker error boundary", () => {
  it("shows a localized message with Try again instead of a blank section, and recovers", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { container } = setup({ lcid: 1031 });
      expect(screen.getByText("Bei der Musterauswahl ist ein Problem aufgetreten")).toBeTruthy();
      expect(screen.getByText(/Das Formular und seine Daten sind nicht betroffen/)).toBeTruthy();
      expect(await axe(container)).toHaveNoViolations();
      failure.on = false;
      fireEvent.click(screen.getByRole("button", { name: "Erneut versuchen" }));
      expect(screen.getByRole("heading", { name: "Berater für Integrationsmuster" })).toBeTruthy();
      expect(screen.getByRole("list", { name: "Muster nach Eignung sortiert" })).toBeTruthy();
    } finally {
      errors.mockRestore();
    }
  });
});
