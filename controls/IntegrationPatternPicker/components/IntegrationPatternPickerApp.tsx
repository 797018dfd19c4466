/** @jsx h */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea, ToggleButton, useId } from "@fluentui/react-components";
import {
  BUDGET_FIELDS,
  createDecision,
  decisionToMarkdown,
  getPatternMeta,
  isPatternId,
  parseBudgetField,
  parseDecision,
  recommend,
  serializeDecision,
  type AppFamily,
  type BudgetField,
  type BudgetInput,
  type DecisionParseResult,
  type PatternDecision,
  type ReadableStore,
  type Scenario,
} from "@integrationkit/shared";
import { useStore } from "../../common/useStore";
import { BudgetPanel, type BudgetDraft } from "./BudgetPanel";
import { ComparePanel } from "./ComparePanel";
import { MAX_COMPARE, PatternList, type ListFilters } from "./PatternList";
import { ScenarioForm } from "./ScenarioForm";
import { adviceText, optionLabel, patternName, questionLabel, shorten, type TextProps } from "./text";
import { h } from "../../common/jsx";
import { makeStyles, mergeClasses, tokens } from "../../common/fluent";

export type AppFamiliesSetting = "all" | "fo-cross" | "ce-cross" | "fo" | "ce" | "cross";
export type ViewSetting = "advisor" | "compare" | "budget";

/** What the host says about the bound columns; index.ts keeps it in a store, the app reads it with useStore. */
export interface HostState {
  /** The bound column's value (a pattern id, or anything a user typed elsewhere). */
  value: string | null;
  valueReadable: boolean;
  decisionRaw: string | null;
  decisionReadable: boolean;
  /** Whether choosing may write the bound value (form enabled, field security allows editing). */
  canWrite: boolean;
  canWriteDecision: boolean;
  decisionMaxLength?: number;
}

/** Which app families each maker setting shows. */
export const APP_FAMILY_SETTINGS: Record<AppFamiliesSetting, AppFamily[]> = {
  all: ["finance-operations", "customer-engagement", "cross-app"],
  "fo-cross": ["finance-operations", "cross-app"],
  "ce-cross": ["customer-engagement", "cross-app"],
  fo: ["finance-operations"],
  ce: ["customer-engagement"],
  cross: ["cross-app"],
};

/** Below this width the scenario questions sit above the results instead of beside them. */
const TWO_COLUMN_MIN_WIDTH = 720;
const VIEWS: ViewSetting[] = ["advisor", "compare", "budget"];
const DEFAULT_DRAFT: BudgetDraft = { recordsPerRun: "10000", runsPerDay: "4", batchSize: "10" };

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
    maxWidth: "100%",
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  chosen: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "baseline",
    minWidth: 0,
  },
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(260px, 340px) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXL,
    alignItems: "start",
  },
  stacked: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  panel: { minWidth: 0 },
  views: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  subtitle: {
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  markdown: { width: "100%", fontFamily: tokens.fontFamilyMonospace },
});

interface IntegrationPatternPickerAppProps extends TextProps {
  store: ReadableStore<HostState>;
  /** allocatedWidth from the host; -1 or 0 when unknown (the control then fills its container). */
  width: number;
  appFamilies: AppFamiliesSetting;
  defaultView: ViewSetting;
  onChoose: (patternId: string, decisionJson: string | undefined) => void;
  now?: () => Date;
}

function draftFromInput(input: BudgetInput): BudgetDraft {
  const draft: BudgetDraft = { recordsPerRun: "", runsPerDay: "", batchSize: "" };
  for (const f of BUDGET_FIELDS) if (typeof input[f] === "number") draft[f] = String(input[f]);
  if (input.identity) draft.identity = input.identity;
  return draft;
}

/** The budget input of a draft; undefined while any field is invalid (nothing half-valid is saved). */
function inputFromDraft(draft: BudgetDraft): BudgetInput | undefined {
  const input: Partial<Record<BudgetField, number>> = {};
  for (const f of BUDGET_FIELDS) {
    const { value, error } = parseBudgetField(f, draft[f] ?? "");
    if (error) return undefined;
    if (value !== undefined) input[f] = value;
  }
  return { ...(input as BudgetInput), identity: draft.identity };
}

function scenarioOf(parsed: DecisionParseResult): Scenario {
  return parsed.status === "ok" ? parsed.decision.scenario : {};
}

export const IntegrationPatternPickerApp: React.FC<IntegrationPatternPickerAppProps> = (props) => {
  const { t, plural, formatters, width, onChoose, now } = props;
  const { value, valueReadable, decisionRaw, decisionReadable, canWrite, canWriteDecision, decisionMaxLength } = useStore(props.store);
  const styles = useStyles();
  const baseId = useId("ipp-");
  const parsedDecision = React.useMemo<DecisionParseResult>(
    () => (decisionReadable ? parseDecision(decisionRaw) : { status: "empty" }),
    [decisionRaw, decisionReadable],
  );

  // The saved decision seeds the questions, so a reviewer sees the scenario the choice was made for.
  const [scenario, setScenarioState] = React.useState<Scenario>(() => scenarioOf(parsedDecision));
  const [draft, setDraftState] = React.useState<BudgetDraft>(() =>
    parsedDecision.status === "ok" && parsedDecision.decision.budget ? draftFromInput(parsedDecision.decision.budget.input) : DEFAULT_DRAFT,
  );
  // A decision that arrives after load (the form fetched it later) restores the answers, unless the user already changed them.
  const touched = React.useRef(false);
  const seededFrom = React.useRef<string | null>(parsedDecision.status === "ok" ? decisionRaw : null);
  React.useEffect(() => {
    if (parsedDecision.status !== "ok" || touched.current || seededFrom.current === decisionRaw) return;
    seededFrom.current = decisionRaw;
    setScenarioState(parsedDecision.decision.scenario);
    if (parsedDecision.decision.budget) setDraftState(draftFromInput(parsedDecision.decision.budget.input));
  }, [parsedDecision, decisionRaw]);
  const setScenario = (s: Scenario): void => {
    touched.current = true;
    setScenarioState(s);
  };
  const setDraft = (d: BudgetDraft): void => {
    touched.current = true;
    setDraftState(d);
  };

  const [view, setView] = React.useState<ViewSetting>(props.defaultView);
  const [filters, setFilters] = React.useState<ListFilters>({ search: "", family: "", app: "" });
  const [compareIds, setCompareIds] = React.useState<string[]>([]);
  const [expandedIds, setExpandedIds] = React.useState<string[]>([]);
  const [pendingChoice, setPendingChoice] = React.useState<string | null>(null);
  const [saveError, setSaveError] = React.useState<string | null>(null);
  const [madeDecision, setMadeDecision] = React.useState<PatternDecision | null>(null);
  const [copyState, setCopyState] = React.useState<{ status: "copied" | "failed"; markdown: string } | null>(null);
  const [focusCard, setFocusCard] = React.useState<{ id: string } | null>(null);
  const viewButtons = React.useRef<Partial<Record<ViewSetting, HTMLButtonElement | null>>>({});
  const [focusView, setFocusView] = React.useState<{ view: ViewSetting } | null>(null);

  const recommendations = React.useMemo(() => recommend(scenario), [scenario]);
  const allowedApps = APP_FAMILY_SETTINGS[props.appFamilies] ?? APP_FAMILY_SETTINGS.all;

  const trimmedValue = value === null ? "" : value.trim();
  const valueKnown = trimmedValue !== "" && isPatternId(trimmedValue);
  // Until the host echoes the new value back, show the user's pick as chosen.
  const chosenId = pendingChoice ?? (valueReadable && valueKnown ? trimmedValue : null);
  React.useEffect(() => {
    if (pendingChoice !== null && value === pendingChoice) setPendingChoice(null);
  }, [value, pendingChoice]);

  React.useEffect(() => {
    if (focusView) viewButtons.current[focusView.view]?.focus();
  }, [focusView]);

  const previousDecision = parsedDecision.status === "ok" ? parsedDecision.decision : undefined;
  const choose = (id: string): void => {
    if (!canWrite) return;
    let json: string | undefined;
    setSaveError(null);
    setCopyState(null);
    try {
      const budget = inputFromDraft(draft);
      const decision = createDecision(id, scenario, (now ?? (() => new Date()))(), budget, {
        describe: (item) => adviceText(t, item),
        previous: madeDecision ?? previousDecision,
      });
      if (decision) {
        setMadeDecision(decision);
        if (canWriteDecision) {
          json = serializeDecision(decision, decisionMaxLength);
          if (json === undefined) setSaveError(t("Error_DecisionTooLong", { max: formatters.integer(decisionMaxLength ?? 0) }));
        }
      }
    } catch {
      // Never lose the pick because the record could not be built: the value is still saved.
      json = undefined;
      setSaveError(t("Error_Body"));
    }
    setPendingChoice(id);
    setFocusCard({ id });
    onChoose(id, json);
  };

  const toggleCompare = (id: string, on: boolean): void =>
    setCompareIds((ids) => (on ? (ids.includes(id) || ids.length >= MAX_COMPARE ? ids : [...ids, id]) : ids.filter((x) => x !== id)));
  const toggleExpanded = (id: string): void => setExpandedIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const removeFromCompare = (id: string): void => {
    const rest = compareIds.filter((x) => x !== id);
    toggleCompare(id, false);
    // With nothing left to compare, focus goes to the comparison's tab rather than to the page.
    if (rest.length === 0) setFocusView({ view: "compare" });
  };

  const wide = width > 0 ? width >= TWO_COLUMN_MIN_WIDTH : false;
  const rootStyle: React.CSSProperties = { width: width > 0 ? `${width}px` : "100%" };

  const currentDecision = madeDecision ?? previousDecision;
  const copyMarkdown = (): void => {
    if (!currentDecision) return;
    const markdown = decisionToMarkdown(currentDecision, {
      title: t("Markdown_Title"),
      pattern: t("Markdown_Pattern"),
      decidedAt: t("Markdown_DecidedAt"),
      fit: t("Markdown_Fit"),
      answers: t("Markdown_Answers"),
      reasons: t("Markdown_Reasons"),
      warnings: t("Markdown_Warnings"),
      budget: t("Markdown_Budget"),
      sources: t("Markdown_Sources"),
      none: t("Markdown_None"),
      patternName: (id) => patternName(t, id),
      fitLabel: (fit, score) => t("Compare_FitValue", { fit: t(`Fit_${fit}`), score: formatters.percent(score) }),
      date: (iso) => formatters.dateTime(new Date(iso)),
      answer: (question, v) => {
        const q = question === "requirements" ? "requirements" : question;
        return { question: questionLabel(t, q), answer: optionLabel(t, q, v) };
      },
      advice: (item) => adviceText(t, item),
      budgetLines: (b) => [
        t("Markdown_BudgetLine", {
          records: formatters.integer(b.input.recordsPerRun),
          runs: formatters.integer(b.input.runsPerDay),
          batch: formatters.integer(b.input.batchSize),
          per5: formatters.integer(b.requestsPer5Min),
          ops: formatters.integer(b.operationsPer24h),
        }),
      ],
    });
    const fail = (): void => setCopyState({ status: "failed", markdown });
    try {
      const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
      if (!clipboard) return fail();
      clipboard.writeText(markdown).then(() => setCopyState({ status: "copied", markdown }), fail);
    } catch {
      fail();
    }
  };

  const messages: React.ReactNode[] = [];
  const note = (key: string, intent: "info" | "warning" | "error", body: React.ReactNode, title?: string): void => {
    messages.push(
      <MessageBar key={key} intent={intent} layout="multiline">
        <MessageBarBody>
          {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
          {body}
        </MessageBarBody>
      </MessageBar>,
    );
  };
  if (!valueReadable) {
    note("hidden", "info", t("Message_ValueHidden"));
  } else if (trimmedValue !== "" && !valueKnown && pendingChoice === null) {
    note(
      "unknown",
      "warning",
      <span title={value ?? ""}>{t("Message_UnknownValue", { value: shorten(value ?? "") })}</span>,
      t("Message_UnknownValue_Title"),
    );
  }
  if (parsedDecision.status !== "ok" && parsedDecision.status !== "empty") {
    const body =
      parsedDecision.status === "invalid-json"
        ? t("Message_BadDecision_Json")
        : parsedDecision.status === "too-deep"
          ? t("Message_BadDecision_TooDeep", { max: formatters.integer(parsedDecision.maxDepth) })
          : parsedDecision.status === "invalid-field"
            ? t("Message_BadDecision_Field", { field: parsedDecision.field })
            : t("Message_BadDecision_Unrecognized");
    note("decision", "warning", body, t("Message_BadDecision_Title"));
  }
  if (previousDecision && pendingChoice === null && valueReadable && trimmedValue !== "" && previousDecision.patternId !== trimmedValue) {
    note(
      "mismatch",
      "warning",
      t("Message_DecisionMismatch", {
        decided: shorten(patternName(t, previousDecision.patternId)),
        value: shorten(valueKnown ? patternName(t, trimmedValue) : trimmedValue),
      }),
      t("Message_DecisionMismatch_Title"),
    );
  }
  if (!canWrite) note("readonly", "info", t("Message_ReadOnly"));
  if (saveError) note("save", "error", saveError);
  if (copyState?.status === "failed") note("copy", "warning", t("Message_CopyFailed"));

  const decidedAt = previousDecision && pendingChoice === null ? new Date(previousDecision.decidedAt) : null;
  const decisionInfo =
    previousDecision && decidedAt
      ? t("Chosen_DecidedAt", { date: formatters.dateTime(decidedAt), name: shorten(patternName(t, previousDecision.patternId)) })
      : null;

  const textProps = { t, plural, formatters };
  const scenarioTitleId = `${baseId}scenario-title`;
  const resultsTitleId = `${baseId}results-title`;
  const advisor = (
    <div className={wide ? styles.columns : styles.stacked}>
      <section className={styles.panel} aria-labelledby={scenarioTitleId}>
        <h3 id={scenarioTitleId} className={styles.subtitle}>
          {t("Scenario_Title")}
        </h3>
        <ScenarioForm t={t} scenario={scenario} onChange={setScenario} />
      </section>
      <section className={styles.panel} aria-labelledby={resultsTitleId}>
        <h3 id={resultsTitleId} className={styles.subtitle}>
          {t("Results_Title")}
        </h3>
        <PatternList
          {...textProps}
          baseId={baseId}
          recommendations={recommendations}
          allowedApps={allowedApps}
          filters={filters}
          onFiltersChange={setFilters}
          chosenId={chosenId}
          canChoose={canWrite}
          compareIds={compareIds}
          onToggleCompare={toggleCompare}
          expandedIds={expandedIds}
          onToggleExpanded={toggleExpanded}
          onChoose={choose}
          focusCard={focusCard}
        />
      </section>
    </div>
  );

  return (
    <div className={styles.root} style={rootStyle} data-testid="ipp-root">
      <h2 className={styles.title}>{t("Title")}</h2>
      <div className={styles.chosen} role="status" aria-live="polite">
        <Text weight="semibold">{t("Chosen_Label")}</Text>
        <Text>
          {!valueReadable
            ? t("Chosen_Hidden")
            : chosenId !== null
              ? patternName(t, chosenId)
              : trimmedValue !== ""
                ? t("Chosen_Unknown", { value: shorten(trimmedValue) })
                : t("Chosen_None")}
        </Text>
        {decisionInfo && <Text size={200}>{decisionInfo}</Text>}
        {copyState?.status === "copied" && <Text size={200}>{t("Message_Copied")}</Text>}
      </div>
      {currentDecision && getPatternMeta(currentDecision.patternId) && (
        <div>
          <Button onClick={copyMarkdown}>{t("Action_CopyMarkdown")}</Button>
        </div>
      )}
      {messages}
      {copyState?.status === "failed" && (
        <Textarea
          className={styles.markdown}
          readOnly
          value={copyState.markdown}
          aria-label={t("Markdown_Label")}
          resize="vertical"
          rows={8}
        />
      )}
      {/* Toggle buttons rather than TabList: TabList's arrow-key mover inserts focusable aria-hidden
          elements that axe reports (aria-hidden-focus); plain buttons are reachable with Tab. */}
      <div className={styles.views} role="group" aria-label={t("Views_Label")}>
        {VIEWS.map((v) => (
          <ToggleButton
            key={v}
            ref={(el: HTMLButtonElement | null) => {
              viewButtons.current[v] = el;
            }}
            checked={view === v}
            onClick={() => setView(v)}
            appearance={view === v ? "primary" : "secondary"}
          >
            {t(`View_${v}`, { count: formatters.integer(compareIds.length) })}
          </ToggleButton>
        ))}
      </div>
      <section aria-label={t(`View_${view}_Panel`)} className={mergeClasses(styles.panel)}>
        {view === "advisor" && advisor}
        {view === "compare" && (
          <ComparePanel {...textProps} compareIds={compareIds} recommendations={recommendations} onRemove={removeFromCompare} />
        )}
        {view === "budget" && <BudgetPanel {...textProps} draft={draft} onChange={setDraft} patternId={chosenId} />}
      </section>
      {view !== "advisor" && (
        <div>
          <Button
            appearance="subtle"
            onClick={() => {
              setView("advisor");
              setFocusView({ view: "advisor" });
            }}
          >
            {t("Action_BackToAdvisor")}
          </Button>
        </div>
      )}
    </div>
  );
};
