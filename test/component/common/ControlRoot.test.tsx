import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { axe } from "../../setup/axe";
import { webDarkTheme } from "@fluentui/react-components";
import { ControlRoot } from "../../../controls/common/ControlRoot";
import { useStore } from "../../../controls/common/useStore";
import { createStore } from "../../../shared/src/store";

const strings = { errorTitle: "This control hit a problem", errorBody: "Your data is safe.", retry: "Try again" };

function Flaky({ fail }: { fail: { current: boolean } }): React.ReactElement {
  if (fail.current) throw new Error("render failed");
  return <p>Content</p>;
}

describe("ControlRoot", () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    // React logs caught render errors; the boundary's own message is what the user sees.
    errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it("shows a localized message with a retry instead of a blank section, and recovers", async () => {
    const fail = { current: true };
    const { container } = render(
      <ControlRoot dir="ltr" strings={strings}>
        <Flaky fail={fail} />
      </ControlRoot>,
    );
    expect(screen.getByText("This control hit a problem")).toBeTruthy();
    const retry = screen.getByRole("button", { name: "Try again" });
    expect(document.activeElement).toBe(retry);
    expect(await axe(container)).toHaveNoViolations();
    fail.current = false;
    fireEvent.click(retry);
    expect(screen.getByText("Content")).toBeTruthy();
  });

  it("sets the user's text direction and the host's theme", () => {
    const { container } = render(
      <ControlRoot dir="rtl" theme={webDarkTheme} strings={strings}>
        <h2>Heading</h2>
      </ControlRoot>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.getAttribute("dir")).toBe("rtl");
    // The provider writes the dark theme's tokens as CSS variables for its subtree.
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join("\n");
    expect(css.toLowerCase()).toContain(`--colorneutralforeground1: ${webDarkTheme.colorNeutralForeground1}`.toLowerCase());
  });

  it("re-renders readers of a store on every change", () => {
    const store = createStore({ n: 1 });
    function Reader(): React.ReactElement {
      return <span>value {useStore(store).n}</span>;
    }
    render(
      <ControlRoot dir="ltr" strings={strings}>
        <Reader />
      </ControlRoot>,
    );
    expect(screen.getByText("value 1")).toBeTruthy();
    act(() => store.set({ n: 2 }));
    expect(screen.getByText("value 2")).toBeTruthy();
  });
});
