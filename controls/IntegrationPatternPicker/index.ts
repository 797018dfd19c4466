import * as React from "react";
import {
  allocatedPixels,
  createFormatters,
  createStore,
  fieldAccess,
  localizerFor,
  type Localizer,
  type Store,
} from "@integrationkit/shared";
import { ControlRoot } from "../common/ControlRoot";
import { IInputs, IOutputs } from "./generated/ManifestTypes";
import {
  APP_FAMILY_SETTINGS,
  IntegrationPatternPickerApp,
  type AppFamiliesSetting,
  type HostState,
  type ViewSetting,
} from "./components/IntegrationPatternPickerApp";
import type { StringKey } from "./strings/StringKeys";

const VIEWS: ViewSetting[] = ["advisor", "compare", "budget"];

function sameHost(a: HostState, b: HostState): boolean {
  return (Object.keys(a) as (keyof HostState)[]).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;
}

/**
 * Thin glue: maps the context to the host state (bound columns, access, limits) in a store the app
 * reads with useStore, builds the user's localizer and formatters, and turns a pick into outputs.
 * Nothing is written until the user picks a pattern.
 */
export class IntegrationPatternPicker implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private notifyOutputChanged: () => void = () => undefined;
  private pending: IOutputs = {};
  private store: Store<HostState> | undefined;
  private localizer: Localizer<StringKey> | undefined;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    context.mode.trackContainerResize(true);
  }

  private hostState(context: ComponentFramework.Context<IInputs>): HostState {
    const p = context.parameters;
    const disabled = context.mode.isControlDisabled;
    const valueAccess = fieldAccess(disabled, p.value?.security);
    const decisionAccess = fieldAccess(disabled, p.decision?.security);
    const maxLength = (p.decision?.attributes as { MaxLength?: number } | undefined)?.MaxLength;
    return {
      value: p.value?.raw ?? null,
      valueReadable: valueAccess.canRead,
      decisionRaw: p.decision?.raw ?? null,
      decisionReadable: decisionAccess.canRead,
      canWrite: valueAccess.canWrite,
      canWriteDecision: decisionAccess.canWrite && p.decision !== undefined,
      decisionMaxLength: typeof maxLength === "number" && maxLength > 0 ? maxLength : undefined,
    };
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const host = this.hostState(context);
    const store = this.store ?? (this.store = createStore(host));
    if (!sameHost(store.getSnapshot(), host)) {
      // updateView runs while the host renders its tree: notifying now would update the app in the
      // middle of another component's render, so the store changes right after it instead.
      queueMicrotask(() => {
        if (!sameHost(store.getSnapshot(), host)) store.set(host);
      });
    }

    const localizer = (this.localizer = localizerFor(this.localizer, context.userSettings?.languageId, (key) =>
      context.resources.getString(key),
    ));
    const t = localizer.t;
    const formatters = createFormatters(context.formatting, context.userSettings);
    const families = context.parameters.appFamilies?.raw as string | null | undefined;
    const view = context.parameters.defaultView?.raw as string | null | undefined;

    return React.createElement(
      ControlRoot,
      {
        theme: context.fluentDesignLanguage?.tokenTheme,
        dir: formatters.dir,
        strings: { errorTitle: t("Error_Title"), errorBody: t("Error_Body"), retry: t("Error_Retry") },
      },
      React.createElement(IntegrationPatternPickerApp, {
        store,
        t,
        plural: (base, count, values) => localizer.plural(base, count, values),
        formatters,
        width: allocatedPixels(context.mode.allocatedWidth),
        appFamilies: families && families in APP_FAMILY_SETTINGS ? (families as AppFamiliesSetting) : "all",
        defaultView: view && (VIEWS as string[]).includes(view) ? (view as ViewSetting) : "advisor",
        onChoose: this.handleChoose,
      }),
    );
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
