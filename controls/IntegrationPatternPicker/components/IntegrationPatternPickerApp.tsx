import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import {
  createDecision,
  isPatternId,
  parseDecision,
  recommend,
  serializeDecision,
  type AppFamily,
  type BudgetInput,
  type Scenario,
} from "@integrationkit/shared";
import { BudgetPanel } from "./BudgetPanel";
import { ComparePanel } from "./ComparePanel";
import { MAX_COMPARE, PatternList, type ListFilters } from "./PatternList";
import { ScenarioForm } from "./ScenarioForm";
import { patternName, type Translate } from "./text";

export type AppFamiliesSetting = "all" | "fo-cross" | "ce-cross" | "fo" | "ce" | "cross";
export type ViewSetting = "advisor" | "compare" | "budget";

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
const DEFAULT_BUDGET: BudgetInput = { recordsPerRun: 10_000, runsPerDay: 4, batchSize: 10 };

const useStyles = makeStyles({
  root: { boxSizing: "border-box", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalS, minWidth: 0, color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  chosen: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  columns: { display: "grid", gridTemplateColumns: "minmax(260px, 340px) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalXL, alignItems: "start" },
  stacked: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  panel: { minWidth: 0 },
  views: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  subtitle: { margin: `0 0 ${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface IntegrationPatternPickerAppProps {
  t: Translate;
  theme?: Theme;
  /** allocatedWidth from the host; -1 or 0 when unknown (the control then fills its container). */
  width: number;
  /** The bound column's value (a pattern id, or anything a user typed elsewhere). */
  value: string | null;
  valueReadable: boolean;
  decisionRaw: string | null;
  decisionReadable: boolean;
  /** Whether choosing may write the bound value (form enabled, field security allows editing). */
  canWrite: boolean;
  canWriteDecision: boolean;
  decisionMaxLength?: number;
  appFamilies: AppFamiliesSetting;
  defaultView: ViewSetting;
  onChoose: (patternId: string, decisionJson: string | undefined) => void;
  now?: () => Date;
}

export const IntegrationPatternPickerApp: React.FC<IntegrationPatternPickerAppProps> = (props) => {
  const { t, theme, width, value, valueReadable, decisionRaw, decisionReadable, canWrite, canWriteDecision, decisionMaxLength, onChoose, now } = props;
  const styles = useStyles();
  const parsedDecision = React.useMemo(() => (decisionReadable ? parseDecision(decisionRaw) : ({ status: "empty" } as const)), [decisionRaw, decisionReadable]);

  // The saved decision seeds the questions, so a reviewer sees the scenario the choice was made for.
  const [scenario, setScenario] = React.useState<Scenario>(() => (parsedDecision.status === "ok" ? parsedDecision.decision.scenario : {}));
  const [budget, setBudget] = React.useState<BudgetInput>(() => (parsedDecision.status === "ok" && parsedDecision.decision.budget ? parsedDecision.decision.budget.input : DEFAULT_BUDGET));
  const [view, setView] = React.useState<ViewSetting>(props.defaultView);
  const [filters, setFilters] = React.useState<ListFilters>({ search: "", family: "", app: "" });
  const [compareIds, setCompareIds] = React.useState<string[]>([]);
  const [expandedIds, setExpandedIds] = React.useState<string[]>([]);
  const [pendingChoice, setPendingChoice] = React.useState<string | null>(null);
  const [saveError, setSaveError] = React.useState<string | null>(null);

  const recommendations = React.useMemo(() => recommend(scenario), [scenario]);
  const allowedApps = APP_FAMILY_SETTINGS[props.appFamilies] ?? APP_FAMILY_SETTINGS.all;

  const trimmedValue = value === null ? "" : value.trim();
  const valueKnown = trimmedValue !== "" && isPatternId(trimmedValue);
  // Until the host echoes the new value back, show the user's pick as chosen.
  const chosenId = pendingChoice ?? (valueReadable && valueKnown ? trimmedValue : null);
  React.useEffect(() => {
    if (pendingChoice !== null && value === pendingChoice) setPendingChoice(null);
  }, [value, pendingChoice]);

  const choose = (id: string): void => {
    if (!canWrite) return;
    let json: string | undefined;
    setSaveError(null);
    if (canWriteDecision) {
      const decision = createDecision(id, scenario, (now ?? (() => new Date()))(), budget);
      json = decision ? serializeDecision(decision, decisionMaxLength) : undefined;
      if (decision && json === undefined) setSaveError(t("Error_DecisionTooLong", { max: decisionMaxLength ?? 0 }));
    }
    setPendingChoice(id);
    onChoose(id, json);
  };

  const toggleCompare = (id: string, on: boolean): void =>
    setCompareIds((ids) => (on ? (ids.includes(id) || ids.length >= MAX_COMPARE ? ids : [...ids, id]) : ids.filter((x) => x !== id)));
  const toggleExpanded = (id: string): void => setExpandedIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const wide = width > 0 ? width >= TWO_COLUMN_MIN_WIDTH : false;
  const rootStyle: React.CSSProperties = { width: width > 0 ? `${width}px` : "100%", maxWidth: "100%" };

  const messages: React.ReactNode[] = [];
  if (!valueReadable) {
    messages.push(
      <MessageBar key="hidden" intent="info">
        <MessageBarBody>{t("Message_ValueHidden")}</MessageBarBody>
      </MessageBar>,
    );
  } else if (trimmedValue !== "" && !valueKnown && pendingChoice === null) {
    messages.push(
      <MessageBar key="unknown" intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t("Message_UnknownValue_Title")}</MessageBarTitle>
          {t("Message_UnknownValue", { value: value ?? "" })}
        </MessageBarBody>
      </MessageBar>,
    );
  }
  if (parsedDecision.status === "invalid-json" || parsedDecision.status === "unrecognized") {
    messages.push(
      <MessageBar key="decision" intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t("Message_BadDecision_Title")}</MessageBarTitle>
          {t(parsedDecision.status === "invalid-json" ? "Message_BadDecision_Json" : "Message_BadDecision_Shape")}
        </MessageBarBody>
      </MessageBar>,
    );
  }
  if (!canWrite) {
    messages.push(
      <MessageBar key="readonly" intent="info">
        <MessageBarBody>{t("Message_ReadOnly")}</MessageBarBody>
      </MessageBar>,
    );
  }
  if (saveError) {
    messages.push(
      <MessageBar key="save" intent="error">
        <MessageBarBody>{saveError}</MessageBarBody>
      </MessageBar>,
    );
  }

  const decisionInfo =
    parsedDecision.status === "ok" && pendingChoice === null
      ? t("Chosen_DecidedAt", { date: new Date(parsedDecision.decision.decidedAt).toLocaleString(), name: patternName(t, parsedDecision.decision.patternId) })
      : null;

  const advisor = (
    <div className={wide ? styles.columns : styles.stacked}>
      <section className={styles.panel} aria-labelledby="ipp-scenario-title">
        <h3 id="ipp-scenario-title" className={styles.subtitle}>
          {t("Scenario_Title")}
        </h3>
        <ScenarioForm t={t} scenario={scenario} onChange={setScenario} />
      </section>
      <section className={styles.panel} aria-labelledby="ipp-results-title">
        <h3 id="ipp-results-title" className={styles.subtitle}>
          {t("Results_Title")}
        </h3>
        <PatternList
          t={t}
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
        />
      </section>
    </div>
  );

  return (
    <FluentProvider theme={theme ?? webLightTheme}>
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
                  ? t("Chosen_Unknown", { value: value ?? "" })
                  : t("Chosen_None")}
          </Text>
          {decisionInfo && <Text size={200}>{decisionInfo}</Text>}
        </div>
        {messages}
        {/* Toggle buttons rather than TabList: TabList's arrow-key mover inserts focusable aria-hidden
            elements that axe reports (aria-hidden-focus); plain buttons are reachable with Tab. */}
        <div className={styles.views} role="group" aria-label={t("Views_Label")}>
          {VIEWS.map((v) => (
            <ToggleButton key={v} checked={view === v} onClick={() => setView(v)} appearance={view === v ? "primary" : "secondary"}>
              {t(`View_${v}`, { count: compareIds.length })}
            </ToggleButton>
          ))}
        </div>
        <section aria-label={t(`View_${view}_Panel`)}>
          {view === "advisor" && advisor}
          {view === "compare" && (
            <ComparePanel t={t} compareIds={compareIds} recommendations={recommendations} onRemove={(id) => toggleCompare(id, false)} />
          )}
          {view === "budget" && <BudgetPanel t={t} input={budget} onChange={setBudget} />}
        </section>
        {view !== "advisor" && (
          <div>
            <Button appearance="subtle" onClick={() => setView("advisor")}>
              {t("Action_BackToAdvisor")}
            </Button>
          </div>
        )}
      </div>
    </FluentProvider>
  );
};
