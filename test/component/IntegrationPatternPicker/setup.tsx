/** Drives the real IntegrationPatternPicker class through the PCF mock, with strings from the .resx. */
import { render, type RenderResult } from "@testing-library/react";
import { ComponentFrameworkMockGeneratorReact, EnumPropertyMock, StringPropertyMock } from "@shko.online/componentframework-mock";
import { IntegrationPatternPicker } from "../../../controls/IntegrationPatternPicker";
import type { IInputs, IOutputs } from "../../../controls/IntegrationPatternPicker/generated/ManifestTypes";
import { resxGetString } from "../../helpers/resx";

interface SetupOptions {
  value?: string | null;
  decision?: string | null;
  appFamilies?: IInputs["appFamilies"]["raw"];
  defaultView?: IInputs["defaultView"]["raw"];
  disabled?: boolean;
  valueSecurity?: ComponentFramework.PropertyHelper.SecurityValues;
  decisionSecurity?: ComponentFramework.PropertyHelper.SecurityValues;
  width?: number;
  lcid?: number;
  /** Right-to-left, as the host reports for Arabic users. Default: true for 1025. */
  rtl?: boolean;
  /** Replaces the platform formatters, e.g. to emulate a user's Dataverse date and number formats. */
  formatting?: { formatDateShort?: (d: Date, includeTime?: boolean) => string; formatInteger?: (n: number) => string };
  /** Minutes the user's Dataverse time zone is ahead of UTC. */
  timeZoneOffsetMinutes?: number;
}

interface Harness extends RenderResult {
  mock: ComponentFrameworkMockGeneratorReact<IInputs, IOutputs>;
  /** Every output object the control handed to the host, in order. */
  outputs: () => IOutputs[];
}

export function setup(options: SetupOptions = {}): Harness {
  const mock = new ComponentFrameworkMockGeneratorReact<IInputs, IOutputs>(IntegrationPatternPicker, {
    value: StringPropertyMock,
    decision: StringPropertyMock,
    appFamilies: EnumPropertyMock,
    defaultView: EnumPropertyMock,
  });
  mock.context._SetCanvasItems({
    value: options.value ?? null,
    decision: options.decision ?? null,
    appFamilies: options.appFamilies ?? "all",
    defaultView: options.defaultView ?? "advisor",
  } as never);
  const getString = resxGetString("IntegrationPatternPicker", options.lcid ?? 1033);
  mock.context.resources.getString.callsFake(getString);
  const lcid = options.lcid ?? 1033;
  mock.context.userSettings.languageId = lcid;
  mock.context.userSettings.isRTL = options.rtl ?? lcid === 1025;
  if (options.timeZoneOffsetMinutes !== undefined)
    mock.context.userSettings.getTimeZoneOffsetMinutes.returns(options.timeZoneOffsetMinutes);
  if (options.formatting?.formatDateShort) mock.context.formatting.formatDateShort.callsFake(options.formatting.formatDateShort);
  if (options.formatting?.formatInteger) mock.context.formatting.formatInteger.callsFake(options.formatting.formatInteger);
  mock.context.mode.isControlDisabled = options.disabled ?? false;
  mock.context.mode.allocatedWidth = options.width ?? 1024;
  mock.context.mode.allocatedHeight = 800;
  // Field security is not refreshed from the mock database, so it survives RefreshParameters.
  if (options.valueSecurity) mock.context._parameters.value.security = options.valueSecurity;
  if (options.decisionSecurity) mock.context._parameters.decision.security = options.decisionSecurity;
  mock.ExecuteInit();
  const result = render(mock.ExecuteUpdateView());
  return {
    ...result,
    mock,
    outputs: () => mock.onOutputChanged.getCalls().map((c) => c.args[0] as IOutputs),
  };
}
