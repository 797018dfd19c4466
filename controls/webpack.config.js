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
