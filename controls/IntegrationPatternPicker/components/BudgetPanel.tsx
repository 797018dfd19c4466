/** @jsx h */
/** @jsxFrag Fragment */
import * as React from "react";
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import {
  BUDGET_FIELDS,
  BUDGET_FIELD_MAX,
  BUDGET_IDENTITIES,
  budgetScope,
  estimateBudget,
  getPatternMeta,
  parseBudgetField,
  type BudgetField,
  type BudgetFieldError,
  type BudgetIdentity,
  type BudgetInput,
  type BudgetStatus,
  type BudgetVerdict,
  type ThrottlingFactId,
} from "@integrationkit/shared";
import { patternName, type TextProps } from "./text";
import { Fragment, h } from "../../common/jsx";
import { makeStyles, mergeClasses, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  inputs: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  scroller: { overflowX: "auto", maxWidth: "100%", marginTop: tokens.spacingVerticalM },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    textAlign: "left",
    verticalAlign: "top",
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  summary: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
  facts: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const STATUS_COLOR: Record<BudgetStatus, "success" | "warning" | "danger"> = {
  ok: "success",
  near: "warning",
  over: "danger",
  "above-allocation": "warning",
};
const VERDICT_INTENT: Record<BudgetVerdict, "success" | "warning" | "error"> = {
  ok: "success",
  near: "warning",
  invalid: "warning",
  throttled: "error",
  "cannot-finish": "error",
};

/** What the user typed in each field, kept as text so an invalid entry stays visible with its message. */
export type BudgetDraft = Partial<Record<BudgetField, string>> &
  Record<"recordsPerRun" | "runsPerDay" | "batchSize", string> & { identity?: BudgetIdentity };

interface BudgetPanelProps extends TextProps {
  draft: BudgetDraft;
  onChange: (draft: BudgetDraft) => void;
  /** The chosen pattern: finance and operations patterns show their own limits instead of Dataverse's. */
  patternId: string | null;
}

/** Throttling budget: projected requests per 5 minutes and per 24 hours against Dataverse limits, or the limits that apply instead. */
export const BudgetPanel: React.FC<BudgetPanelProps> = (props) => {
  const { t, formatters, draft, onChange, patternId } = props;
  const styles = useStyles();
  const meta = patternId === null ? undefined : getPatternMeta(patternId);
  const scope = budgetScope(meta);
  const [showAnyway, setShowAnyway] = React.useState(false);

  const errors: Partial<Record<BudgetField, BudgetFieldError>> = {};
  const input: Partial<Record<BudgetField, number>> = {};
  for (const f of BUDGET_FIELDS) {
    const { value, error } = parseBudgetField(f, draft[f] ?? "");
    if (error) errors[f] = error;
    // An invalid field goes in as NaN, so the estimate itself withholds its verdict too.
    input[f] = error ? Number.NaN : value;
    if (!error && value === undefined) delete input[f];
  }
  const estimate = estimateBudget({ ...(input as BudgetInput), identity: draft.identity });
  const verdict: BudgetVerdict = Object.keys(errors).length > 0 ? "invalid" : estimate.verdict;

  const facts = (ids: ThrottlingFactId[]): React.ReactNode => (
    <ul className={styles.facts}>
      {ids.map((f) => (
        <li key={f}>
          <Text weight="semibold">{t(`Fact_${f}_Title`)}</Text>: {t(`Fact_${f}_Summary`)}
        </li>
      ))}
    </ul>
  );

  const header = (
    <Text as="p" weight="semibold">
      {meta ? t("Budget_For", { name: patternName(t, meta.id) }) : t("Budget_ForNone")}
    </Text>
  );
  if (meta && scope !== "dataverse" && !showAnyway) {
    const foFacts: ThrottlingFactId[] = ["fo-resource-based", "fo-priority-based"];
    return (
      <section aria-label={t("Budget_Label")}>
        {header}
        <Text as="p">{t(scope === "finance-operations" ? "Budget_FoIntro" : "Budget_NoneIntro")}</Text>
        {facts(scope === "finance-operations" ? [...new Set([...foFacts, ...meta.throttlingFacts])] : meta.throttlingFacts)}
        <Button onClick={() => setShowAnyway(true)}>{t("Action_ShowDataverseBudget")}</Button>
      </section>
    );
  }

  const numeric = (n: number): string => formatters.integer(n);
  const minutes = (m: number): string => formatters.duration(Math.ceil(m * 600) * 100);

  return (
    <section aria-label={t("Budget_Label")}>
      {header}
      <Text as="p">{t("Budget_Intro")}</Text>
      <div className={styles.inputs}>
        {BUDGET_FIELDS.map((key) => {
          const error = errors[key];
          return (
            <Field
              key={key}
              label={t(`Budget_Input_${key}`)}
              hint={t(`Budget_Hint_${key}`)}
              required={key === "recordsPerRun" || key === "runsPerDay" || key === "batchSize"}
              validationState={error ? "error" : "none"}
              validationMessage={error ? t(`Budget_Invalid_${error}`, { max: numeric(BUDGET_FIELD_MAX) }) : undefined}
            >
              <Input inputMode="decimal" value={draft[key] ?? ""} onChange={(_e, d) => onChange({ ...draft, [key]: d.value })} />
            </Field>
          );
        })}
        <Field label={t("Budget_Input_identity")} hint={t("Budget_Hint_identity")}>
          <Select
            value={draft.identity ?? "application-user"}
            onChange={(_e, d) => onChange({ ...draft, identity: d.value as BudgetIdentity })}
          >
            {BUDGET_IDENTITIES.map((id) => (
              <option key={id} value={id}>
                {t(`Budget_Identity_${id}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div className={styles.summary} role="status">
        <MessageBar intent={VERDICT_INTENT[verdict]} layout="multiline">
          <MessageBarBody>{t(`Budget_Verdict_${verdict}`)}</MessageBarBody>
        </MessageBar>
        {verdict !== "invalid" && (
          <>
            <Text>
              {t("Budget_Summary", {
                perRun: numeric(estimate.requestsPerRun),
                per5: numeric(estimate.requestsPer5Min),
                per24: numeric(estimate.requestsPer24h),
                ops: numeric(estimate.operationsPer24h),
              })}
            </Text>
            {estimate.requestsPerRun > 0 && <Text>{t("Budget_MinRun", { duration: minutes(estimate.minRunMinutes) })}</Text>}
            {estimate.shortestRunMinutes !== undefined && estimate.windowMinutes !== undefined && input.requestMs !== undefined && (
              <Text>
                {t("Budget_Shortest", {
                  parallelism: numeric(input.parallelism ?? 1),
                  ms: numeric(input.requestMs),
                  duration: minutes(estimate.shortestRunMinutes),
                  window: minutes(estimate.windowMinutes),
                })}
              </Text>
            )}
          </>
        )}
        {estimate.notes.map((n) => (
          <Text key={n}>{t(`Budget_Note_${n}`)}</Text>
        ))}
      </div>

      {verdict !== "invalid" && (
        <div className={styles.scroller} role="region" aria-label={t("Budget_TableRegion")} tabIndex={0}>
          <table className={styles.table}>
            <caption className={styles.cell}>{t("Budget_TableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {t("Budget_Col_Check")}
                </th>
                <th scope="col" className={mergeClasses(styles.cell, styles.num)}>
                  {t("Budget_Col_Projected")}
                </th>
                <th scope="col" className={mergeClasses(styles.cell, styles.num)}>
                  {t("Budget_Col_Limit")}
                </th>
                <th scope="col" className={styles.cell}>
                  {t("Budget_Col_Status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {estimate.checks.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className={styles.cell}>
                    {t(`Budget_Check_${c.id}`)}
                  </th>
                  <td className={mergeClasses(styles.cell, styles.num)}>{numeric(c.projected)}</td>
                  <td className={mergeClasses(styles.cell, styles.num)}>{numeric(c.limit)}</td>
                  <td className={styles.cell}>
                    <Badge appearance="tint" color={STATUS_COLOR[c.status]}>
                      {t(`Budget_Status_${c.status}`, { percent: formatters.percent(c.ratio) })}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Text as="p" size={200} className={styles.muted}>
        {t("Budget_Assumptions")}
      </Text>
    </section>
  );
};
