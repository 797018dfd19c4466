// What "@fluentui/react-components" is in the jsdom tests (jest.config.js maps it here): Fluent UI as the
// one script that test/setup/fluent-bundle.js builds before the run.
"use strict";

module.exports = require(require("./fluent-bundle.js").bundlePath);
