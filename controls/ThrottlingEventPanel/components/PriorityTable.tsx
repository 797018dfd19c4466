/** @jsx h */
import * as React from "react";
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { PriorityRank } from "@integrationkit/shared";
import type { Lang } from "./types";
import { useTableStyles } from "./tableStyles";
import { h } from "../../common/jsx";

/** Exactly the current setting: one row per mapping, keyed by its (unique) name. */
export const PriorityTable: React.FC<{ rows: readonly PriorityRank[]; lang: Lang; hasError: boolean }> = ({ rows, lang, hasError }) => {
  const tableStyles = useTableStyles();
  const { t, formatters } = lang;
  if (rows.length === 0) return <Caption1>{hasError ? t("Priority_NoneBecauseError") : t("Priority_None")}</Caption1>;
  return (
    <div>
      <div className={tableStyles.wrap} tabIndex={0} role="group" aria-label={t("Section_Priorities")}>
        <Table size="small" className={tableStyles.table} aria-label={t("Section_Priorities")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("Priority_Order")}</TableHeaderCell>
              <TableHeaderCell>{t("Priority_App")}</TableHeaderCell>
              <TableHeaderCell>{t("Priority_Kind")}</TableHeaderCell>
              <TableHeaderCell>{t("Priority_Level")}</TableHeaderCell>
              <TableHeaderCell>{t("Priority_Threshold")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.name}>
                <TableCell>{formatters.integer(r.rank)}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{t(`Priority_Kind_${r.kind ?? "app"}`)}</TableCell>
                <TableCell>{t(`Priority_${r.priority}`)}</TableCell>
                <TableCell>{t("Priority_ThresholdValue", { percent: formatters.percent(r.threshold) })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Caption1>{t("Priority_ModelNote")}</Caption1>
    </div>
  );
};
