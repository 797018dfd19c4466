// Merged into pcf-scripts' own webpack configuration (webpack-merge) for every control: pcf-scripts
// 1.51.1 reads `webpack.config.js` from the folder above a control when the control's folder holds
// `featureconfig.json` with "pcfAllowCustomWebpack": "on" (see pcf-scripts' webpackConfig.js and
// featureManager.js). It only tunes the production minifier; a development build is not minified.
//
// terser, as webpack runs it, with options that fit the browsers the controls target (pcfconfig.json:
// current Edge, Chrome, Firefox and Safari, all ES2020):
// - ecma 2020: terser may print ES2020 syntax (shorthand properties, `??`, arrow functions);
// - passes 3: one more compression pass than webpack's default 2;
// - unsafe_arrows: a `function` expression that never uses `this`, `arguments` or `new.target` and is
//   never constructed becomes an arrow (our code has no constructor functions outside classes).
// Comments stay as webpack's default keeps them: licence comments (the use-sync-external-store shim's
// MIT notice) go to bundle.js.LICENSE.txt, which the solution packer ships beside the bundle.
/** @type {import("webpack").Configuration} */
module.exports = {
  optimization: {
    minimizeOptions: {
      javascript: {
        ecma: 2020,
        compress: { ecma: 2020, passes: 3, unsafe_arrows: true },
        format: { ecma: 2020 },
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Type check once, not once per control (owned by the build script, solution/scripts/build.ts).
// pcf-scripts 1.51.1 runs ts-loader with its full type check in every control's webpack run, and
// webpack-merge appends rules rather than changing pcf-scripts' own, so this plugin sets ts-loader's
// `transpileOnly` on that rule before webpack reads it. Only when the build script asks
// (IKIT_TS_TRANSPILE_ONLY=true): it builds every control that way side by side and runs one `tsc`
// over controls/ and shared/ instead. The bundles are byte for byte the same (transpilation does not
// depend on the type check); a single-control build (`npm start`) keeps ts-loader's check.
// https://github.com/TypeStrong/ts-loader#transpileonly
class TsLoaderTranspileOnly {
  apply(compiler) {
    for (const rule of compiler.options.module.rules) {
      const uses = rule && typeof rule === "object" && Array.isArray(rule.use) ? rule.use : [];
      for (const use of uses) {
        if (use && typeof use === "object" && /[\\/]ts-loader[\\/]/.test(String(use.loader))) {
          use.options = { ...use.options, transpileOnly: true };
        }
      }
    }
  }
}
if (process.env.IKIT_TS_TRANSPILE_ONLY === "true") {
  module.exports.plugins = [...(module.exports.plugins ?? []), new TsLoaderTranspileOnly()];
}
