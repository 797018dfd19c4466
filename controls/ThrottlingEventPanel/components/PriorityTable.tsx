import * as React from "react";
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { PriorityRank } from "@integrationkit/shared";
import { Translate } from "./types";
import { useTableStyles } from "./tableStyles";

export const PriorityTable: React.FC<{ rows: readonly PriorityRank[]; t: Translate }> = ({ rows, t }) => {
  const tableStyles = useTableStyles();
  if (rows.length === 0) return <Caption1>{t("Priority_None")}</Caption1>;
  return (
    <div className={tableStyles.wrap} tabIndex={0} role="group" aria-label={t("Section_Priorities")}>
    <Table size="small" className={tableStyles.table} aria-label={t("Section_Priorities")}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("Priority_Order")}</TableHeaderCell>
          <TableHeaderCell>{t("Priority_App")}</TableHeaderCell>
          <TableHeaderCell>{t("Priority_Level")}</TableHeaderCell>
          <TableHeaderCell>{t("Priority_Threshold")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.name}|${r.clientId ?? ""}`}>
            <TableCell>{r.rank}</TableCell>
            <TableCell>{r.name}</TableCell>
            <TableCell>{t(`Priority_${r.priority}`)}</TableCell>
            <TableCell>{t("Priority_ThresholdValue", { percent: Math.round(r.threshold * 100) })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </div>
  );
};
