import * as React from "react";
import {
  allocatedPixels,
  createFormatters,
  fieldAccess,
  localizerFor,
  type Localizer,
  type ReadDepth,
  systemClock,
} from "@integrationkit/shared";
import { ControlRoot } from "../common/ControlRoot";
import { IInputs, IOutputs } from "./generated/ManifestTypes";
import { ThrottlingEventPanelApp } from "./components/ThrottlingEventPanelApp";
import { PanelRunner } from "./panel/runner";
import { FetchLike, LiveSource, WebApiLike } from "./panel/liveSource";
import type { StringKey } from "./strings/StringKeys";

/** hasEntityPrivilege arguments. Source: learn.microsoft.com/power-apps/developer/component-framework/reference/utility/hasentityprivilege */
const PRIVILEGE_READ = 2;
const PRIVILEGE_WRITE = 3;
const DEPTH_BASIC = 0;
const DEPTH_LOCAL = 1;
const DEPTH_DEEP = 2;
const DEPTH_GLOBAL = 3;

interface PageLike {
  getClientUrl?: () => string;
}

/**
 * The live APIs, or undefined when the host has no Dataverse. `context.page` is not part of the
 * documented context: without it the panel still reads system jobs but cannot ask for rate-limit
 * headers (and says so). A page whose getClientUrl fails is the test harness, which has no Dataverse.
 */
function liveSourceFor(context: ComponentFramework.Context<IInputs>): LiveSource | undefined {
  const webAPI = context.webAPI as unknown as Partial<WebApiLike> | undefined;
  if (!webAPI || typeof webAPI.retrieveMultipleRecords !== "function" || typeof webAPI.updateRecord !== "function") return undefined;
  const page = (context as unknown as { page?: PageLike }).page;
  let clientUrl: string | undefined;
  if (page !== undefined && page !== null) {
    try {
      const url = typeof page.getClientUrl === "function" ? page.getClientUrl() : undefined;
      if (typeof url !== "string" || url.length === 0) return undefined;
      clientUrl = url;
    } catch {
      return undefined;
    }
  }
  const fetchFn: FetchLike | undefined =
    typeof globalThis.fetch === "function" ? (input, init) => globalThis.fetch(input, init) : undefined;
  return new LiveSource(webAPI as WebApiLike, clientUrl, fetchFn);
}

function has(context: ComponentFramework.Context<IInputs>, privilege: 2 | 3, depth: 0 | 1 | 2 | 3): boolean {
  try {
    return context.utils.hasEntityPrivilege("asyncoperation", privilege, depth) === true;
  } catch {
    return false;
  }
}

/** Privileges on asyncoperation (user-owned); asked after its metadata is loaded, when the answer is reliable. */
function privileges(context: ComponentFramework.Context<IInputs>): { canWriteJobs: boolean; readDepth: ReadDepth } {
  const readDepth: ReadDepth = has(context, PRIVILEGE_READ, DEPTH_GLOBAL)
    ? "organization"
    : has(context, PRIVILEGE_READ, DEPTH_DEEP) || has(context, PRIVILEGE_READ, DEPTH_LOCAL)
      ? "businessUnit"
      : has(context, PRIVILEGE_READ, DEPTH_BASIC)
        ? "user"
        : "none";
  return { canWriteJobs: has(context, PRIVILEGE_WRITE, DEPTH_BASIC), readDepth };
}

/**
 * Thin glue: maps the context to settings for the runner (whose state is the panel's store), builds
 * the user's localizer and formatters, and renders. The runner owns every timer and request.
 */
export class ThrottlingEventPanel implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private runner: PanelRunner | undefined;
  private context: ComponentFramework.Context<IInputs> | undefined;
  private localizer: Localizer<StringKey> | undefined;
  private unsubscribeVisibility: () => void = () => undefined;
  private readonly onPause = (paused: boolean): void => this.runner?.setPaused(paused);
  private readonly onUseSimulation = (): void => this.runner?.useSimulation();
  private readonly onAction = (jobId: string, action: "cancel" | "resume" | "postpone"): void => this.runner?.act(jobId, action);

  public init(context: ComponentFramework.Context<IInputs>): void {
    this.context = context;
    context.mode.trackContainerResize(true);
    const runner = new PanelRunner({ clock: systemClock, createLive: () => (this.context ? liveSourceFor(this.context) : undefined) });
    this.runner = runner;
    if (typeof document !== "undefined") {
      const onVisibility = (): void => runner.setHidden(document.visibilityState === "hidden");
      document.addEventListener("visibilitychange", onVisibility);
      this.unsubscribeVisibility = () => document.removeEventListener("visibilitychange", onVisibility);
      if (document.visibilityState === "hidden") runner.setHidden(true);
    }
    // hasEntityPrivilege can answer false while the table's metadata is not cached: load it first.
    const ask = (): void => {
      if (this.runner !== runner || this.context === undefined) return;
      const p = privileges(this.context);
      runner.setPrivileges(p.canWriteJobs, p.readDepth);
    };
    let metadata: Promise<unknown>;
    try {
      metadata = Promise.resolve(context.utils.getEntityMetadata("asyncoperation"));
    } catch (error) {
      metadata = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    metadata.then(ask, ask);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.context = context;
    const p = context.parameters;
    const runner = this.runner as PanelRunner;
    runner.configure({
      source: p.source?.raw === "simulated" ? "simulated" : "live",
      pollSeconds: p.pollIntervalSeconds?.raw,
      windowMinutes: p.timeWindowMinutes?.raw,
      prioritiesJson: p.appPriorities?.raw,
    });
    const localizer = (this.localizer = localizerFor(this.localizer, context.userSettings?.languageId, (key) =>
      context.resources.getString(key),
    ));
    const t = localizer.t;
    const plural = (base: Parameters<Localizer<StringKey>["plural"]>[0], count: number, values?: Record<string, string | number>): string =>
      localizer.plural(base, count, values);
    const formatters = createFormatters(context.formatting, context.userSettings);
    const access = fieldAccess(context.mode.isControlDisabled, p.anchor?.security);
    return React.createElement(
      ControlRoot,
      {
        theme: context.fluentDesignLanguage?.tokenTheme,
        dir: formatters.dir,
        strings: { errorTitle: t("Crash_Title"), errorBody: t("Crash_Body"), retry: t("Crash_Retry") },
      },
      React.createElement(ThrottlingEventPanelApp, {
        store: runner,
        t,
        plural,
        formatters,
        width: allocatedPixels(context.mode.allocatedWidth),
        height: allocatedPixels(context.mode.allocatedHeight),
        disabled: context.mode.isControlDisabled === true || !access.canRead,
        onPause: this.onPause,
        onUseSimulation: this.onUseSimulation,
        onAction: this.onAction,
      }),
    );
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    this.runner?.destroy();
    this.runner = undefined;
    this.unsubscribeVisibility();
    this.unsubscribeVisibility = () => undefined;
  }
}
