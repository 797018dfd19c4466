import * as React from "react";
import { Button, Field, Input, mergeClasses, Popover, PopoverSurface, PopoverTrigger, Select, Text } from "@fluentui/react-components";
import { filterValueProblem, operatorNeedsValue, type ColumnFilter, type FilterOperatorChoice, type SortDirectionValue } from "@integrationkit/shared";
import { useStyles } from "./styles";
import type { ColumnView, Translate } from "./types";

export interface HeaderCellProps {
  t: Translate;
  hintId: string;
  view: ColumnView;
  colIndex: number;
  tabbable: boolean;
  sortDirection: SortDirectionValue;
  filter: ColumnFilter | undefined;
  menuOpen: boolean;
  disabled: boolean;
  busy: boolean;
  onMenuOpenChange(open: boolean): void;
  onSort(direction?: 0 | 1): void;
  onFilter(filter: ColumnFilter | null): void;
}

const ARIA_SORT: Record<SortDirectionValue, "ascending" | "descending" | undefined> = { [-1]: undefined, 0: "ascending", 1: "descending" };

/** A column header: click or Enter sorts; the options button (or Alt+Down) opens sort, filter and "why not" details. */
export const HeaderCell: React.FC<HeaderCellProps> = ({ t, hintId, view, colIndex, tabbable, sortDirection, filter, menuOpen, disabled, busy, onMenuOpenChange, onSort, onFilter }) => {
  const styles = useStyles();
  const { column, capability } = view;
  const canSort = capability.canSort && !disabled;
  const headerRef = React.useRef<HTMLDivElement>(null);
  // After a sort or filter from the options, the popover unmounts with focus inside it: put keyboard
  // users back on this header instead of the page's body.
  const closeAndReturnFocus = (): void => {
    onMenuOpenChange(false);
    setTimeout(() => headerRef.current?.focus(), 0);
  };
  return (
    <div
      ref={headerRef}
      role="columnheader"
      aria-colindex={colIndex + 1}
      aria-sort={ARIA_SORT[sortDirection]}
      aria-describedby={hintId}
      tabIndex={tabbable ? 0 : -1}
      data-pos={`0:${colIndex}`}
      className={mergeClasses(styles.cell, styles.header, !canSort && styles.headerNoSort)}
      title={column.name}
      onClick={(e) => {
        // Clicks inside the options popover (a portal) bubble here through React: only the header itself sorts.
        if (!e.currentTarget.contains(e.target as Node) || (e.target as HTMLElement).closest("button")) return;
        if (canSort && !busy) onSort();
      }}
    >
      <span className={styles.headerText}>
        <span className={styles.cellText}>{column.displayName}</span>
        <span className={mergeClasses(styles.cellText, styles.headerType)}>{t(`Kind_${column.kind}`)}</span>
      </span>
      {sortDirection !== -1 && <span aria-hidden="true">{sortDirection === 0 ? "\u25B2" : "\u25BC"}</span>}
      {filter && (
        <span aria-hidden="true" title={t("Header_Filtered")}>
          {"\u29E9"}
        </span>
      )}
      <span id={hintId} hidden>
        {[
          canSort ? t("Header_HintSort") : t("Header_HintNoSort"),
          t("Header_HintOptions"),
          filter ? t("Header_Filtered") : "",
        ]
          .filter(Boolean)
          .join(" ")}
      </span>
      <Popover open={menuOpen} onOpenChange={(_, d) => onMenuOpenChange(d.open)} positioning="below-end" trapFocus>
        <PopoverTrigger disableButtonEnhancement>
          <button type="button" tabIndex={-1} className={styles.optionsButton} aria-label={t("Header_Options", { column: column.displayName })} aria-haspopup="dialog">
            {"\u22EF"}
          </button>
        </PopoverTrigger>
        <PopoverSurface aria-label={t("Header_Options", { column: column.displayName })}>
          <ColumnOptions t={t} view={view} filter={filter} disabled={disabled || busy} canSort={canSort} onSort={(d) => { onSort(d); closeAndReturnFocus(); }} onFilter={(f) => { onFilter(f); closeAndReturnFocus(); }} />
        </PopoverSurface>
      </Popover>
    </div>
  );
};

interface ColumnOptionsProps {
  t: Translate;
  view: ColumnView;
  filter: ColumnFilter | undefined;
  disabled: boolean;
  canSort: boolean;
  onSort(direction: 0 | 1): void;
  onFilter(filter: ColumnFilter | null): void;
}

const ColumnOptions: React.FC<ColumnOptionsProps> = ({ t, view, filter, disabled, canSort, onSort, onFilter }) => {
  const styles = useStyles();
  const { column, capability } = view;
  const operators = capability.filterOperators;
  const [operator, setOperator] = React.useState<FilterOperatorChoice | undefined>(filter?.operator ?? operators[0]);
  const [value, setValue] = React.useState(filter?.value ?? "");
  const [tried, setTried] = React.useState(false);
  const problem = operator ? filterValueProblem({ kind: column.kind, operator, value }) : null;
  const apply = (): void => {
    setTried(true);
    if (!operator || problem) return;
    onFilter({ column: column.name, kind: column.kind, operator, value });
  };
  return (
    <div className={styles.popover}>
      <Text weight="semibold">{column.displayName}</Text>
      <Text size={200} className={styles.muted}>
        {t("Header_TypeLine", { type: t(`Kind_${column.kind}`), name: column.name })}
      </Text>
      {canSort ? (
        <div className={styles.toolbar}>
          <Button size="small" disabled={disabled} onClick={() => onSort(0)}>
            {t("Sort_Ascending")}
          </Button>
          <Button size="small" disabled={disabled} onClick={() => onSort(1)}>
            {t("Sort_Descending")}
          </Button>
        </div>
      ) : (
        <Text size={200}>{t(`Reason_sort_${capability.sortReason ?? "sortDisabledByView"}`)}</Text>
      )}
      {capability.canFilter && operator ? (
        <form
          className={styles.popover}
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Field label={t("Filter_Operator")}>
            <Select value={operator} disabled={disabled} onChange={(_, d) => setOperator(d.value as FilterOperatorChoice)}>
              {operators.map((op) => (
                <option key={op} value={op}>
                  {t(`Filter_op_${op}`)}
                </option>
              ))}
            </Select>
          </Field>
          {operatorNeedsValue(operator) && (
            <Field
              label={t("Filter_Value")}
              hint={column.kind === "date" || column.kind === "datetime" ? t("Filter_DateHint") : undefined}
              validationState={tried && problem ? "error" : "none"}
              validationMessage={tried && problem ? t(`Filter_problem_${problem}`) : undefined}
            >
              <Input value={value} disabled={disabled} onChange={(_, d) => setValue(d.value)} />
            </Field>
          )}
          <div className={styles.toolbar}>
            <Button size="small" appearance="primary" type="submit" disabled={disabled}>
              {t("Filter_Apply")}
            </Button>
            {filter && (
              <Button size="small" disabled={disabled} onClick={() => onFilter(null)}>
                {t("Filter_Clear")}
              </Button>
            )}
          </div>
        </form>
      ) : (
        <Text size={200}>{t(`Reason_filter_${capability.filterReason ?? "filterTypeNotOffered"}`)}</Text>
      )}
    </div>
  );
};
