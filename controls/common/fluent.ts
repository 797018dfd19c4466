/**
 * Fluent's styling helpers as module-level constants. Fluent UI is a platform library, an external
 * the bundle reaches as one object: every use of a named import is printed as a property read of it
 * (`v.tokens.spacingVerticalM`, `(0,v.mergeClasses)(…)`). A constant is read once, and the minifier
 * shortens its name, which keeps the bundles small (see the bundle targets of `npm run bench`).
 */
import { makeStyles as fluentMakeStyles, mergeClasses as fluentMergeClasses, tokens as fluentTokens } from "@fluentui/react-components";

export const tokens = fluentTokens;
export const makeStyles = fluentMakeStyles;
export const mergeClasses = fluentMergeClasses;
