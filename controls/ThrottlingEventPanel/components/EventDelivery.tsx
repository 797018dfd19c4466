/** @jsx h */
/** @jsxFrag Fragment */
import * as React from "react";
import { Caption1, Text, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { EndpointDelivery, FailureRecord } from "@integrationkit/shared";
import type { Lang } from "./types";
import { useTableStyles } from "./tableStyles";
import { Fragment, h } from "../../common/jsx";
import { makeStyles, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  failures: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  message: { overflowWrap: "anywhere" },
  notes: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalXS },
});

export const EventDelivery: React.FC<{
  endpoints: readonly EndpointDelivery[];
  failures: readonly FailureRecord[];
  lang: Lang;
  showFailures: boolean;
}> = ({ endpoints, failures, lang, showFailures }) => {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { t, formatters } = lang;
  const count = (n: number | null): string => (n === null ? t("Count_NotKnown") : formatters.integer(n));
  const reasons = [
    ...new Set(endpoints.map((e) => e.unknown).filter((u): u is NonNullable<EndpointDelivery["unknown"]> => u !== undefined)),
  ];
  return (
    <div>
      {endpoints.length === 0 ? (
        <Caption1>{t("Delivery_None")}</Caption1>
      ) : (
        <div className={tableStyles.wrap} tabIndex={0} role="group" aria-label={t("Section_Delivery")}>
          <Table size="small" className={tableStyles.table} aria-label={t("Section_Delivery")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("Delivery_Endpoint")}</TableHeaderCell>
                <TableHeaderCell>{t("Delivery_Succeeded")}</TableHeaderCell>
                <TableHeaderCell>{t("Delivery_Failed")}</TableHeaderCell>
                <TableHeaderCell>{t("Delivery_Waiting")}</TableHeaderCell>
                <TableHeaderCell>{t("Delivery_Retried")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {endpoints.map((e) => (
                <TableRow key={e.name}>
                  <TableCell>
                    {e.name} <Caption1>({t(`Kind_${e.kind}`)})</Caption1>
                  </TableCell>
                  <TableCell>{count(e.succeeded)}</TableCell>
                  <TableCell>{count(e.failed)}</TableCell>
                  <TableCell>{count(e.waiting)}</TableCell>
                  <TableCell>{count(e.retried)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {reasons.length > 0 ? (
        <div className={styles.notes}>
          {reasons.map((r) => (
            <Caption1 key={r}>{t(`Unknown_${r}`)}</Caption1>
          ))}
        </div>
      ) : null}
      {showFailures ? (
        <>
          <Text as="h4" weight="semibold" size={300} block>
            {t("Delivery_LatestFailures")}
          </Text>
          {failures.length === 0 ? (
            <Caption1>{t("Delivery_NoFailures")}</Caption1>
          ) : (
            <ul className={styles.failures}>
              {failures.map((f, i) => (
                <li key={`${f.at}-${i}`}>
                  <Caption1 className={styles.message}>
                    {t("Delivery_FailureLine", {
                      time: formatters.time(new Date(f.at)),
                      endpoint: f.source,
                      message: f.message || t("Delivery_NoMessage"),
                    })}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
};
