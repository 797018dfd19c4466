#!/usr/bin/env node
// `npm run setup:chromium`: makes sure the browser tests can find Chromium. Installs Debian's
// `chromium` package when it is missing and we may (root, or passwordless sudo); otherwise says how.
const { execSync } = require("child_process");
const fs = require("fs");

const target = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (fs.existsSync(target)) {
  console.log(`Chromium found at ${target}.`);
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${target}, which does not exist.`);
  process.exit(1);
}
const hasApt = fs.existsSync("/usr/bin/apt-get");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
let sudo = "";
if (!isRoot) {
  try {
    execSync("sudo -n true", { stdio: "ignore" });
    sudo = "sudo ";
  } catch {
    sudo = null;
  }
}
if (!hasApt || sudo === null) {
  console.error(
    "Chromium is needed for the browser tests and was not found at /usr/bin/chromium.\n" +
      "On Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n" +
      "Elsewhere: install Chromium and set CHROMIUM_PATH to its executable.",
  );
  process.exit(1);
}
console.log("Installing Debian's chromium package for the browser tests...");
execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
  stdio: "inherit",
  shell: "/bin/sh",
});
if (!fs.existsSync("/usr/bin/chromium")) {
  console.error("apt-get finished but /usr/bin/chromium is still missing.");
  process.exit(1);
}
console.log("Chromium installed at /usr/bin/chromium.");
