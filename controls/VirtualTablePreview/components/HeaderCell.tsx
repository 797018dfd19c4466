/** @jsx h */
import * as React from "react";
import { h } from "../../common/jsx";
import { Button, Field, Input, Popover, PopoverSurface, PopoverTrigger, Select, Text } from "@fluentui/react-components";
import { mergeClasses } from "../../common/fluent";
import {
  filterValueProblem,
  operatorNeedsValue,
  resizedWidth,
  type ColumnFilter,
  type FilterOperatorChoice,
  type SortDirectionValue,
} from "@integrationkit/shared";
import { FilterIcon, SortIcon } from "./icons";
import { useStyles } from "./styles";
import type { ColumnView, Dir, Translate } from "./types";

interface HeaderCellProps {
  t: Translate;
  dir: Dir;
  hintId: string;
  view: ColumnView;
  colIndex: number;
  width: number;
  tabbable: boolean;
  sortDirection: SortDirectionValue;
  filter: ColumnFilter | undefined;
  menuOpen: boolean;
  disabled: boolean;
  busy: boolean;
  /** Stable callbacks, called with the column's name, so an unchanged header never re-renders. */
  onMenuOpenChange: (column: string, open: boolean) => void;
  onSort: (column: string, direction?: 0 | 1) => void;
  onFilter: (column: string, filter: ColumnFilter | null) => void;
  onResize: (column: string, width: number) => void;
}

const ARIA_SORT: Record<SortDirectionValue, "ascending" | "descending" | undefined> = { [-1]: undefined, 0: "ascending", 1: "descending" };

/**
 * A column header: click or Enter sorts; the options button (or Alt+Down) opens sort, filter and
 * "why not" details; the edge handle (or Ctrl+Shift+Left/Right on the header) resizes the column.
 * Headers are memoized: scrolling and row updates never re-render them.
 */
export const HeaderCell = React.memo(function HeaderCell(props: HeaderCellProps): React.ReactElement {
  const { t, dir, hintId, view, colIndex, width, tabbable, sortDirection, filter, menuOpen, disabled, busy } = props;
  const styles = useStyles();
  const { column, capability } = view;
  const canSort = capability.canSort && !disabled;
  const headerRef = React.useRef<HTMLDivElement>(null);
  const name = column.name;
  // When the popover closes (Escape, a sort or a filter) focus would land on the hidden options button
  // or the page's body: put keyboard users back on this header.
  const wasOpen = React.useRef(menuOpen);
  React.useEffect(() => {
    if (wasOpen.current && !menuOpen) {
      const id = setTimeout(() => {
        const active = document.activeElement;
        const header = headerRef.current;
        if (header && (active === null || active === document.body || header.contains(active))) header.focus();
      }, 0);
      wasOpen.current = menuOpen;
      return () => clearTimeout(id);
    }
    wasOpen.current = menuOpen;
    return undefined;
  }, [menuOpen]);

  const onPointerDown = (e: React.PointerEvent<HTMLSpanElement>): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const handle = e.currentTarget;
    const startX = e.clientX;
    const startWidth = width;
    handle.setPointerCapture?.(e.pointerId);
    const move = (ev: PointerEvent): void => props.onResize(name, resizedWidth(startWidth, ev.clientX - startX, dir));
    const up = (): void => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
  };

  const label = t("Header_Options", { column: column.displayName });
  const trigger = (
    <button type="button" tabIndex={-1} className={styles.optionsButton} aria-label={label} aria-haspopup="dialog">
      {"\u22EF"}
    </button>
  );
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
        if (!e.currentTarget.contains(e.target as Node) || (e.target as HTMLElement).closest("button,[data-resize]")) return;
        if (canSort && !busy) props.onSort(name);
      }}
    >
      <span className={styles.headerText}>
        <span className={styles.cellText}>{column.displayName}</span>
        <span className={mergeClasses(styles.cellText, styles.headerType)}>{t(`Kind_${column.kind}`)}</span>
      </span>
      {sortDirection !== -1 && <SortIcon descending={sortDirection === 1} className={styles.headerIcon} />}
      {filter && <FilterIcon className={styles.headerIcon} title={t("Header_Filtered")} />}
      <span id={hintId} hidden>
        {[
          canSort ? t("Header_HintSort") : t("Header_HintNoSort"),
          t("Header_HintOptions"),
          t("Header_HintResize"),
          filter ? t("Header_Filtered") : "",
        ]
          .filter(Boolean)
          .join(" ")}
      </span>
      <Popover open={menuOpen} onOpenChange={(_, d) => props.onMenuOpenChange(name, d.open)} positioning="below-end" trapFocus>
        <PopoverTrigger disableButtonEnhancement>{trigger}</PopoverTrigger>
        <PopoverSurface aria-label={label}>
          <ColumnOptions
            t={t}
            view={view}
            filter={filter}
            disabled={disabled || busy}
            canSort={canSort}
            onSort={(d) => {
              props.onSort(name, d);
              props.onMenuOpenChange(name, false);
            }}
            onFilter={(f) => {
              props.onFilter(name, f);
              props.onMenuOpenChange(name, false);
            }}
          />
        </PopoverSurface>
      </Popover>
      {/* Pointer handle on the trailing edge; keyboard users resize with Ctrl+Shift+Arrow (announced in the hint). */}
      <span
        data-resize=""
        aria-hidden="true"
        className={styles.resizeHandle}
        onPointerDown={onPointerDown}
        onClick={(e) => e.stopPropagation()}
      />
    </div>
  );
});

interface ColumnOptionsProps {
  t: Translate;
  view: ColumnView;
  filter: ColumnFilter | undefined;
  disabled: boolean;
  canSort: boolean;
  onSort: (direction: 0 | 1) => void;
  onFilter: (filter: ColumnFilter | null) => void;
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
