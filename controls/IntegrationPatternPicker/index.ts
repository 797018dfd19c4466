import * as React from "react";
import { allocatedPixels, createTranslator, fieldAccess } from "@integrationkit/shared";
import { IInputs, IOutputs } from "./generated/ManifestTypes";
import {
  APP_FAMILY_SETTINGS,
  IntegrationPatternPickerApp,
  type AppFamiliesSetting,
  type IntegrationPatternPickerAppProps,
  type ViewSetting,
} from "./components/IntegrationPatternPickerApp";
import type { Translate } from "./components/text";

const VIEWS: ViewSetting[] = ["advisor", "compare", "budget"];

/**
 * Thin glue: reads the bound columns, the maker's settings, access and size from the context, and
 * turns a pick into outputs. Nothing is written until the user picks a pattern.
 */
export class IntegrationPatternPicker implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private notifyOutputChanged: () => void = () => undefined;
  private pending: IOutputs = {};
  private t: Translate | undefined;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    this.t = createTranslator((key) => context.resources.getString(key));
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const p = context.parameters;
    const disabled = context.mode.isControlDisabled;
    const valueAccess = fieldAccess(disabled, p.value?.security);
    const decisionAccess = fieldAccess(disabled, p.decision?.security);
    const families = p.appFamilies?.raw as string | null | undefined;
    const view = p.defaultView?.raw as string | null | undefined;
    const maxLength = (p.decision?.attributes as { MaxLength?: number } | undefined)?.MaxLength;

    const props: IntegrationPatternPickerAppProps = {
      t: this.t ?? createTranslator((key) => context.resources.getString(key)),
      theme: context.fluentDesignLanguage?.tokenTheme,
      width: allocatedPixels(context.mode.allocatedWidth),
      value: p.value?.raw ?? null,
      valueReadable: valueAccess.canRead,
      decisionRaw: p.decision?.raw ?? null,
      decisionReadable: decisionAccess.canRead,
      canWrite: valueAccess.canWrite,
      canWriteDecision: decisionAccess.canWrite && p.decision !== undefined,
      decisionMaxLength: typeof maxLength === "number" && maxLength > 0 ? maxLength : undefined,
      appFamilies: families && families in APP_FAMILY_SETTINGS ? (families as AppFamiliesSetting) : "all",
      defaultView: view && (VIEWS as string[]).includes(view) ? (view as ViewSetting) : "advisor",
      onChoose: this.handleChoose,
    };
    return React.createElement(IntegrationPatternPickerApp, props);
  }

  /** Bound once so React sees a stable callback. */
  private handleChoose = (patternId: string, decisionJson: string | undefined): void => {
    this.pending = decisionJson === undefined ? { value: patternId } : { value: patternId, decision: decisionJson };
    this.notifyOutputChanged();
  };

  public getOutputs(): IOutputs {
    return this.pending;
  }

  public destroy(): void {
    this.notifyOutputChanged = () => undefined;
  }
}
