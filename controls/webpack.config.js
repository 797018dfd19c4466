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
const path = require("path");

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
// ts-loader, as pcf-scripts 1.51.1 runs it, takes the tsconfig.json nearest to the control. The
// controls' own settings live in `tsconfig.build.json` instead (this control's files and shared/
// only, so one control's type errors stay out of another's build), because a tsconfig.json in each
// control folder made type-aware ESLint (projectService, which takes the nearest tsconfig.json, like an
// editor) build one TypeScript program per control besides the root's: the root tsconfig.json is now
// the only one (measured on the 2-core machine: `eslint .` 37-39 s with six programs, 15 s with one).
// webpack-merge appends rules rather than changing pcf-scripts' own, so this plugin sets ts-loader's
// options on pcf-scripts' rule before webpack reads it:
// - `configFile`: the control's tsconfig.build.json (pcf-scripts runs webpack in the control's folder);
// - `transpileOnly`, only when the build script asks (IKIT_TS_TRANSPILE_ONLY=true): it builds every
//   control that way side by side and runs one `tsc` over controls/ and shared/ instead (type check
//   once, not once per control). The bundles are byte for byte the same (transpilation does not depend
//   on the type check); a single-control build (`npm start`) keeps ts-loader's check.
// https://github.com/TypeStrong/ts-loader#configfile https://github.com/TypeStrong/ts-loader#transpileonly
class TsLoaderOptions {
  apply(compiler) {
    const configFile = path.join(compiler.context, "tsconfig.build.json");
    const transpileOnly = process.env.IKIT_TS_TRANSPILE_ONLY === "true";
    for (const rule of compiler.options.module.rules) {
      const uses = rule && typeof rule === "object" && Array.isArray(rule.use) ? rule.use : [];
      for (const use of uses) {
        if (use && typeof use === "object" && /[\\/]ts-loader[\\/]/.test(String(use.loader))) {
          use.options = { ...use.options, configFile, ...(transpileOnly ? { transpileOnly: true } : {}) };
        }
      }
    }
  }
}
module.exports.plugins = [new TsLoaderOptions()];
