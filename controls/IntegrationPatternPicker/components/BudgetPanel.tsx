import * as React from "react";
import { Badge, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BUDGET_IDENTITIES, estimateBudget, type BudgetInput, type BudgetStatus } from "@integrationkit/shared";
import { formatNumber, type Translate } from "./text";

const useStyles = makeStyles({
  inputs: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  scroller: { overflowX: "auto", maxWidth: "100%", marginTop: tokens.spacingVerticalM },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, textAlign: "left", verticalAlign: "top" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  summary: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
  assumptions: { color: tokens.colorNeutralForeground2 },
});

const STATUS_COLOR: Record<BudgetStatus, "success" | "warning" | "danger"> = { ok: "success", near: "warning", over: "danger" };

export interface BudgetPanelProps {
  t: Translate;
  input: BudgetInput;
  onChange: (input: BudgetInput) => void;
}

type NumericKey = "recordsPerRun" | "runsPerDay" | "batchSize" | "runMinutes" | "requestMs" | "parallelism" | "userLicences";
const NUMERIC: NumericKey[] = ["recordsPerRun", "runsPerDay", "batchSize", "runMinutes", "parallelism", "requestMs", "userLicences"];

/** Throttling budget: projected requests per 5 minutes and per 24 hours against Dataverse limits. */
export const BudgetPanel: React.FC<BudgetPanelProps> = ({ t, input, onChange }) => {
  const styles = useStyles();
  const estimate = estimateBudget(input);
  const setNumber = (key: NumericKey, raw: string): void => {
    const next: BudgetInput = { ...input };
    const trimmed = raw.trim();
    // Optional fields go back to their default when cleared; required ones become NaN and are reported.
    if (trimmed === "" && key !== "recordsPerRun" && key !== "runsPerDay" && key !== "batchSize") delete next[key];
    else next[key] = trimmed === "" ? Number.NaN : Number(trimmed);
    onChange(next);
  };
  const shown = (key: NumericKey): string => {
    const v = input[key];
    return v === undefined || Number.isNaN(v) ? "" : String(v);
  };

  return (
    <section aria-label={t("Budget_Label")}>
      <Text as="p">{t("Budget_Intro")}</Text>
      <div className={styles.inputs}>
        {NUMERIC.map((key) => (
          <Field key={key} label={t(`Budget_Input_${key}`)} hint={t(`Budget_Hint_${key}`)}>
            <Input type="number" min={0} inputMode="numeric" value={shown(key)} onChange={(_e, d) => setNumber(key, d.value)} />
          </Field>
        ))}
        <Field label={t("Budget_Input_identity")} hint={t("Budget_Hint_identity")}>
          <Select value={input.identity ?? "application-user"} onChange={(_e, d) => onChange({ ...input, identity: d.value as BudgetInput["identity"] })}>
            {BUDGET_IDENTITIES.map((id) => (
              <option key={id} value={id}>
                {t(`Budget_Identity_${id}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div className={styles.summary} role="status">
        <MessageBar intent={estimate.throttled ? "error" : "success"}>
          <MessageBarBody>{t(estimate.throttled ? "Budget_Verdict_Throttled" : "Budget_Verdict_Ok")}</MessageBarBody>
        </MessageBar>
        <Text>
          {t("Budget_Summary", {
            perRun: formatNumber(estimate.requestsPerRun),
            per5: formatNumber(estimate.requestsPer5Min),
            per24: formatNumber(estimate.requestsPer24h),
            ops: formatNumber(estimate.operationsPer24h),
          })}
        </Text>
        {estimate.requestsPerRun > 0 && <Text>{t("Budget_MinRun", { minutes: Math.ceil(estimate.minRunMinutes * 10) / 10 })}</Text>}
        {estimate.notes.map((n) => (
          <Text key={n}>{t(`Budget_Note_${n}`)}</Text>
        ))}
      </div>

      <div className={styles.scroller} role="region" aria-label={t("Budget_TableRegion")} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.cell}>{t("Budget_TableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>{t("Budget_Col_Check")}</th>
              <th scope="col" className={`${styles.cell} ${styles.num}`}>{t("Budget_Col_Projected")}</th>
              <th scope="col" className={`${styles.cell} ${styles.num}`}>{t("Budget_Col_Limit")}</th>
              <th scope="col" className={styles.cell}>{t("Budget_Col_Status")}</th>
            </tr>
          </thead>
          <tbody>
            {estimate.checks.map((c) => (
              <tr key={c.id}>
                <th scope="row" className={styles.cell}>{t(`Budget_Check_${c.id}`)}</th>
                <td className={`${styles.cell} ${styles.num}`}>{formatNumber(c.projected)}</td>
                <td className={`${styles.cell} ${styles.num}`}>{formatNumber(c.limit)}</td>
                <td className={styles.cell}>
                  <Badge appearance="tint" color={STATUS_COLOR[c.status]}>
                    {t(`Budget_Status_${c.status}`, { percent: Math.round(c.ratio * 100) })}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text as="p" size={200} className={styles.assumptions}>
        {t("Budget_Assumptions")}
      </Text>
    </section>
  );
};
