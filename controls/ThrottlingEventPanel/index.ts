import * as React from "react";
import { allocatedPixels, createTranslator, fieldAccess, SystemJobAction, systemClock } from "@integrationkit/shared";
import { IInputs, IOutputs } from "./generated/ManifestTypes";
import { ThrottlingEventPanelApp } from "./components/ThrottlingEventPanelApp";
import { PanelController, SourceKind } from "./panel/PanelController";
import { FetchLike, LiveSource, WebApiLike } from "./panel/liveSource";

/** Write privilege (3) at user depth (0) on asyncoperation is needed to change a system job. */
const PRIVILEGE_WRITE = 3;
const DEPTH_BASIC = 0;

interface PageLike {
  getClientUrl?: () => string;
}

/** The live APIs, or undefined when the host lacks them (for example the PCF test harness). */
function liveSourceFor(context: ComponentFramework.Context<IInputs>): LiveSource | undefined {
  try {
    const webAPI = context.webAPI as unknown as Partial<WebApiLike> | undefined;
    const page = (context as unknown as { page?: PageLike }).page;
    if (!webAPI || typeof webAPI.retrieveMultipleRecords !== "function" || typeof webAPI.updateRecord !== "function") return undefined;
    if (!page || typeof page.getClientUrl !== "function" || typeof globalThis.fetch !== "function") return undefined;
    const url = page.getClientUrl();
    if (typeof url !== "string" || url.length === 0) return undefined;
    const fetchFn: FetchLike = (input, init) => globalThis.fetch(input, init);
    return new LiveSource(webAPI as WebApiLike, url, fetchFn);
  } catch {
    return undefined;
  }
}

function canWriteJobs(context: ComponentFramework.Context<IInputs>): boolean {
  try {
    return context.utils.hasEntityPrivilege("asyncoperation", PRIVILEGE_WRITE, DEPTH_BASIC) === true;
  } catch {
    // Hosts without the API (the harness) cannot tell us: assume no rights.
    return false;
  }
}

export class ThrottlingEventPanel implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private controller: PanelController | undefined;
  private context: ComponentFramework.Context<IInputs> | undefined;
  private t: ReturnType<typeof createTranslator> = (key) => key;
  private readonly onPause = (paused: boolean): void => this.controller?.setPaused(paused);
  private readonly onUseSimulation = (): void => this.controller?.useSimulation();
  private readonly onAction = (jobId: string, action: SystemJobAction): void => void this.controller?.act(jobId, action);

  public init(context: ComponentFramework.Context<IInputs>, _notifyOutputChanged: () => void): void {
    this.context = context;
    context.mode.trackContainerResize(true);
    this.t = createTranslator((key) => context.resources.getString(key));
    const doc = typeof document !== "undefined" ? document : undefined;
    this.controller = new PanelController({
      clock: systemClock,
      createLive: () => (this.context ? liveSourceFor(this.context) : undefined),
      isHidden: () => doc?.visibilityState === "hidden",
      onVisibilityChange: (listener) => {
        doc?.addEventListener("visibilitychange", listener);
        return () => doc?.removeEventListener("visibilitychange", listener);
      },
    });
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.context = context;
    const p = context.parameters;
    const source: SourceKind = p.source?.raw === "simulated" ? "simulated" : "live";
    const controller = this.controller as PanelController;
    controller.configure({
      source,
      pollSeconds: p.pollIntervalSeconds?.raw,
      windowMinutes: p.timeWindowMinutes?.raw,
      prioritiesJson: p.appPriorities?.raw,
    });
    const access = fieldAccess(context.mode.isControlDisabled, p.anchor?.security);
    return React.createElement(ThrottlingEventPanelApp, {
      getState: controller.getState,
      subscribe: controller.subscribe,
      t: this.t,
      theme: context.fluentDesignLanguage?.tokenTheme,
      width: allocatedPixels(context.mode.allocatedWidth),
      height: allocatedPixels(context.mode.allocatedHeight),
      disabled: context.mode.isControlDisabled === true,
      canWriteJobs: access.canRead && canWriteJobs(context),
      onPause: this.onPause,
      onUseSimulation: this.onUseSimulation,
      onAction: this.onAction,
    });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    this.controller?.destroy();
    this.controller = undefined;
  }
}
