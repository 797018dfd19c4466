/**
 * The JSX factory of our components. Each .tsx file names it with the `@jsx h` pragma (and
 * `@jsxFrag Fragment` where it uses `<>…</>`), so TypeScript, the build and the tests all compile
 * `<Button …/>` to `h(Button, …)`: the same `React.createElement` call.
 *
 * Why not `React.createElement` itself: React is a platform library, an external the bundle reads
 * through webpack's lazy accessor, so each element cost about 17 bytes (`a().createElement(`) in the
 * minified bundle; a module-level name is shortened to one or two letters (see the bundle targets
 * of `npm run bench`).
 */
import * as React from "react";

export const h = React.createElement;
export const Fragment = React.Fragment;
