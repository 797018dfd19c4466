/** @jsx h */
/** @jsxFrag Fragment */
import * as React from "react";
import { getPatternMeta, type PatternId } from "@integrationkit/shared";
import { describedRows, optionalPatternField, patternField, type T } from "./text";
import { Fragment, h } from "../../common/jsx";
import { makeStyles, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  list: { margin: 0, display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  def: { marginLeft: 0 },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

interface PatternDetailProps {
  t: T;
  patternId: PatternId;
}

/** Everything the catalogue knows about one pattern, as a description list. */
export const PatternDetail: React.FC<PatternDetailProps> = ({ t, patternId }) => {
  const styles = useStyles();
  const meta = getPatternMeta(patternId);
  if (!meta) return null;
  const note = optionalPatternField(t, patternId, "Note");
  const row = (label: string, content: React.ReactNode): React.ReactNode => (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.def}>{content}</dd>
    </>
  );
  const bullets = (items: string[]): React.ReactNode => (
    <ul className={styles.bullets}>
      {items.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
  return (
    <dl className={styles.list}>
      {describedRows(t, meta, bullets).map(([label, content]) => (
        <React.Fragment key={label}>{row(label, content)}</React.Fragment>
      ))}
      {note !== undefined && row(t("Detail_Note"), note)}
      {row(
        t("Detail_Needs"),
        bullets([
          t("Detail_NeedsSkills", { text: patternField(t, patternId, "Skills") }),
          t("Detail_NeedsAlm", { text: patternField(t, patternId, "Alm") }),
          t("Detail_NeedsLicences", { text: patternField(t, patternId, "Licences") }),
          t("Detail_NeedsDeployment", { text: meta.traits.deployments.map((d) => t(`Option_deployment_${d}`)).join(", ") }),
        ]),
      )}
      {row(
        t("Detail_Throttling"),
        <>
          {patternField(t, patternId, "Throttling")}
          {meta.throttlingFacts.length > 0 &&
            bullets(meta.throttlingFacts.map((f) => `${t(`Fact_${f}_Title`)}: ${t(`Fact_${f}_Summary`)}`))}
        </>,
      )}
      {row(t("Detail_Source"), t("Detail_SourceText", { page: meta.source.page, section: meta.source.section }))}
    </dl>
  );
};
