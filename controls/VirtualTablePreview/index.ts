import * as React from "react";
import type { Theme } from "@fluentui/react-components";
import { IInputs, IOutputs } from "./generated/ManifestTypes";
import { VirtualTablePreviewApp } from "./components/VirtualTablePreviewApp";
import type { Density } from "./components/styles";
import type { StringKey } from "./strings/StringKeys";
import {
  allocatedPixels,
  createFormatters,
  createLocalizer,
  DatasetSession,
  localeFromLanguageId,
  type CellFormatters,
  type DatasetLike,
  type Formatters,
  type Localizer,
  type MessageValues,
  type MetadataSource,
  type PluralBase,
} from "@integrationkit/shared";

/** The `entitydataprovider` row's name, read through the Web API when the host has one (PA `reference/entities/entitydataprovider`). */
const PROVIDER_TABLE = "entitydataprovider";

/**
 * Thin glue: maps the context to settings, keeps one `DatasetSession` (the store the app reads with
 * useStore) in step with the host, and renders. All data logic lives in shared/src/dataset.
 */
export class VirtualTablePreview implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private session = new DatasetSession();
  private context: ComponentFramework.Context<IInputs> | undefined;
  private localizer: Localizer<StringKey> | undefined;
  private languageId: number | undefined;
  private formatters: Formatters | undefined;
  private cellFormatters: CellFormatters | undefined;
  /** Stable across updates; reads the current localizer. */
  private readonly plural = (base: PluralBase<StringKey>, count: number, values?: MessageValues): string =>
    this.localizer?.plural(base, count, values) ?? String(count);

  public init(context: ComponentFramework.Context<IInputs>): void {
    this.context = context;
    this.session = new DatasetSession(Date.now, context.parameters.pageSize?.raw ?? undefined);
    this.session.setMetadataSource(metadataSource(context));
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    // A User Timing mark (only the latest is kept) so browser tools and our benchmark can time data
    // arriving in the control apart from the host's own work before it calls updateView.
    markUpdate();
    this.context = context;
    const dataset = context.parameters.records as unknown as DatasetLike | undefined;
    const updated = Array.isArray(context.updatedProperties) ? context.updatedProperties : [];
    // Silent: the element returned below renders the new snapshot (the host is rendering right now).
    this.session.sync(dataset, {
      pageSize: context.parameters.pageSize?.raw,
      datasetUpdated: updated.includes("records") || updated.includes("dataset"),
      notify: false,
    });
    const { localizer, formatters, cellFormatters } = this.userFormats(context);
    const density = context.parameters.density?.raw as Density | undefined;
    return React.createElement(VirtualTablePreviewApp, {
      session: this.session,
      actions: this.session,
      t: localizer.t,
      plural: this.plural,
      formatters,
      cellFormatters,
      theme: context.fluentDesignLanguage?.tokenTheme as Theme | undefined,
      width: allocatedPixels(context.mode.allocatedWidth),
      height: allocatedPixels(context.mode.allocatedHeight),
      density: density === "compact" || density === "comfortable" ? density : "normal",
      showDiagnostics: context.parameters.showDiagnostics?.raw === true,
      disabled: context.mode.isControlDisabled,
    });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // Results of a metadata read still in flight are ignored from now on.
    this.session.setMetadataSource(null);
  }

  /** The localizer and formatters, rebuilt only when the user's language changes (stable props otherwise). */
  private userFormats(context: ComponentFramework.Context<IInputs>): {
    localizer: Localizer<StringKey>;
    formatters: Formatters;
    cellFormatters: CellFormatters;
  } {
    const languageId = context.userSettings?.languageId;
    if (!this.localizer || !this.formatters || !this.cellFormatters || languageId !== this.languageId) {
      this.languageId = languageId;
      const localizer = createLocalizer<StringKey>((key) => context.resources.getString(key), localeFromLanguageId(languageId));
      const formatters = createFormatters(context.formatting, context.userSettings);
      // `formatting` is read at call time: hosts may hand a new object with each update.
      const fmt = (): ComponentFramework.Formatting | undefined => this.context?.formatting;
      this.cellFormatters = {
        date: (d) => formatters.date(d),
        dateTime: (d) => formatters.dateTime(d),
        integer: (n) => formatters.integer(n),
        decimal: (n) => formatters.decimal(n),
        currency: (n) => attempt(() => fmt()?.formatCurrency(n)) ?? formatters.decimal(n, 2),
        yes: localizer.t("Value_Yes"),
        no: localizer.t("Value_No"),
      };
      this.localizer = localizer;
      this.formatters = formatters;
    }
    return { localizer: this.localizer, formatters: this.formatters, cellFormatters: this.cellFormatters };
  }
}

/**
 * The table's metadata and its provider's name, from the host. `getEntityMetadata` is in model-driven
 * and canvas apps; a host without it (or without the Web API) gives null: the pane then says the
 * provider is unknown rather than guess.
 */
function metadataSource(context: ComponentFramework.Context<IInputs>): MetadataSource | null {
  const utils = context.utils as Partial<ComponentFramework.Utility> | undefined;
  if (typeof utils?.getEntityMetadata !== "function") return null;
  const webAPI = context.webAPI as Partial<ComponentFramework.WebApi> | undefined;
  return {
    getEntityMetadata: (name, attributes) => Promise.resolve(utils.getEntityMetadata!(name, attributes)),
    providerName:
      typeof webAPI?.retrieveRecord === "function"
        ? async (id) => {
            const row = (await webAPI.retrieveRecord!(PROVIDER_TABLE, id, "?$select=name")) as { name?: unknown };
            return typeof row.name === "string" ? row.name : null;
          }
        : undefined,
  };
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

const UPDATE_MARK = "IntegrationKit.VirtualTablePreview.updateView";

function markUpdate(): void {
  // Timing is a diagnostic: a host (or a test's fake clock) without User Timing simply gets no mark.
  const p = typeof performance === "undefined" ? undefined : performance;
  if (typeof p?.mark !== "function" || typeof p.clearMarks !== "function") return;
  try {
    p.clearMarks(UPDATE_MARK);
    p.mark(UPDATE_MARK);
  } catch {
    // Never let a diagnostic break the grid.
  }
}
