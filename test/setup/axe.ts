import { configureAxe } from "jest-axe";

/**
 * jest-axe's `axe` with its defaults (the colour rules stay off: jsdom paints nothing) and the same rules,
 * but axe reports only the violations, which is all `toHaveNoViolations` reads: it skips building the
 * selector and HTML of every passing node, about half of each run on a full control.
 * axe-core run options: https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#options-parameter
 */
export const axe = configureAxe({ resultTypes: ["violations"] });
