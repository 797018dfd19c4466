import { shorthands, type GriffelStyle } from "@fluentui/react-components";
import { makeStyles, tokens } from "../../common/fluent";

/** Row heights per density, in px. */
export const ROW_HEIGHT = { compact: 28, normal: 36, comfortable: 44 } as const;
export type Density = keyof typeof ROW_HEIGHT;
export const HEADER_HEIGHT = 44;
export const SELECT_COLUMN_WIDTH = 40;

/** The keyboard focus outline, drawn inside the element so a neighbour never covers it. */
const focusRing: GriffelStyle = {
  outlineStyle: "solid",
  outlineWidth: "2px",
  outlineColor: tokens.colorStrokeFocus2,
  outlineOffset: "-2px",
};
/** Text on one line, cut with an ellipsis when it does not fit. */
const oneLine: GriffelStyle = { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" };

export const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    boxSizing: "border-box",
    // Fills the host's box and never grows to its content: wide views scroll inside the grid.
    width: "100%",
    minWidth: "0",
    maxWidth: "100%",
    overflow: "hidden",
    rowGap: tokens.spacingVerticalXS,
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalS),
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  spacer: { flexGrow: 1 },
  // Takes no room while empty (it stays in the DOM so screen readers hear what appears in it).
  status: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", ":empty": { display: "none" } },
  grid: {
    position: "relative",
    overflow: "auto",
    // The grid's content (rows as wide as all columns) must not widen the control in a host that
    // sizes to content (the harness with no width): its inline size is the container's. Layout, paint
    // and style are contained too: rows coming and going while scrolling lay out nothing outside the
    // grid (it already clips and is positioned), https://www.w3.org/TR/css-contain-2/.
    contain: "inline-size layout paint style",
    // The window of rows moves under the viewport by design: no scroll anchoring to compute for it.
    overflowAnchor: "none",
    width: "100%",
    boxSizing: "border-box",
    flexGrow: 1,
    flexShrink: 1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    outlineStyle: "none",
  },
  headerGroup: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2 },
  headerIcon: { display: "inline-flex", flexShrink: 0, color: tokens.colorNeutralForeground2 },
  resizeHandle: {
    position: "absolute",
    top: 0,
    bottom: 0,
    right: "-4px",
    width: "8px",
    cursor: "col-resize",
    zIndex: 1,
    touchAction: "none",
    ":hover": { backgroundColor: tokens.colorNeutralStroke1Hover },
  },
  row: {
    display: "grid",
    alignItems: "stretch",
    boxSizing: "border-box",
    ...shorthands.borderBottom(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  // A data row off screen (the overscan above and below the viewport) is neither laid out nor painted
  // until it scrolls into view; its box keeps its size (the row's height is set, its width is the
  // rowgroup's) and its content stays in the accessibility tree and focusable (CSS Containment Level 2,
  // https://www.w3.org/TR/css-contain-2/#content-visibility).
  dataRow: { contentVisibility: "auto" },
  rowSelected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    display: "flex",
    alignItems: "center",
    minWidth: "0",
    ...oneLine,
    boxSizing: "border-box",
    ...shorthands.padding("0", tokens.spacingHorizontalS),
    ":focus-visible": focusRing,
    ":focus": focusRing,
  },
  cellText: oneLine,
  // A data cell holds its text directly (one element per cell, not two: a window of new rows is
  // hundreds of cells); its row sets the line height, which centres the text vertically.
  dataCell: {
    display: "block",
    minWidth: "0",
    ...oneLine,
    boxSizing: "border-box",
    ...shorthands.padding("0", tokens.spacingHorizontalS),
    ":focus": focusRing,
  },
  dataCellNumeric: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    ...shorthands.margin("-1px"),
    ...shorthands.padding("0"),
    ...shorthands.border("0"),
  },
  muted: { color: tokens.colorNeutralForeground3 },
  warnMark: { color: tokens.colorPaletteDarkOrangeForeground1, marginRight: tokens.spacingHorizontalXS },
  header: {
    position: "relative",
    overflow: "visible",
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
  },
  headerNoSort: { cursor: "default" },
  headerText: { display: "flex", flexDirection: "column", minWidth: "0", flexGrow: 1, overflow: "hidden" },
  headerType: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  optionsButton: {
    minWidth: "24px",
    height: "24px",
    ...shorthands.padding("0"),
    ...shorthands.border("0"),
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    ...shorthands.borderRadius(tokens.borderRadiusSmall),
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  popover: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, maxWidth: "280px" },
  center: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    rowGap: tokens.spacingVerticalS,
    ...shorthands.padding(tokens.spacingVerticalXL, tokens.spacingHorizontalM),
    textAlign: "center",
  },
  diagnostics: {
    display: "flex",
    flexDirection: "column",
    flexShrink: 0,
    minWidth: 0,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    backgroundColor: tokens.colorNeutralBackground2,
  },
  diagnosticsOpen: { maxHeight: "40%" },
  diagSummaryButton: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    minWidth: 0,
    textAlign: "left",
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalS),
    ...shorthands.border("0"),
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": focusRing,
  },
  diagSummaryText: { minWidth: 0, ...oneLine },
  diagBody: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    overflow: "auto",
    minHeight: 0,
    ...shorthands.padding("0", tokens.spacingHorizontalS, tokens.spacingVerticalS),
    ":focus-visible": focusRing,
  },
  error: { flexShrink: 0, minWidth: 0 },
  errorText: { overflowWrap: "anywhere", whiteSpace: "normal" },
  diagTable: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { textAlign: "left", ...shorthands.padding("2px", tokens.spacingHorizontalS) },
  },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: "pre-wrap", wordBreak: "break-all" },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { marginTop: 0, marginBottom: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});
