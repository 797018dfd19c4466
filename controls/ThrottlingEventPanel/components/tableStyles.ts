import { makeStyles } from "../../common/fluent";

/**
 * Fluent's Table uses a fixed layout, which squeezes numeric headers on top of each other in a narrow
 * card; an automatic layout sizes columns to their content and the wrapper scrolls if it must.
 */
export const useTableStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "auto" },
});
