/**
 * `npm run previews`: after the browser tests, copies one harness screenshot per control into
 * controls/<Control>/img/preview.png (the maker studio's preview image) and docs/screenshots/ (the
 * README), and the Arabic right-to-left and dark-theme shots of the i18n browser test into
 * docs/screenshots/<Control>-ar.png and <Control>-dark.png. Previews are real renders of the built
 * controls, never drawn by hand.
 */
import * as fs from "fs";
import * as path from "path";
import { listControls } from "../../solution/scripts/controls";
import { repoRoot, screenshotDir } from "./harness";

/** The screenshot (saved by each control's browser test) that best shows the control at work. */
export const previewShots: Record<string, string> = {
  IntegrationPatternPicker: "IntegrationPatternPicker-chosen.png",
  ThrottlingEventPanel: "ThrottlingEventPanel-simulated.png",
  VirtualTablePreview: "VirtualTablePreview-5000-rows.png",
};

/** States the i18n browser test captures for every control (Arabic right to left, dark theme). */
export const stateShots = ["ar", "dark"] as const;

function main(): void {
  const docsDir = path.join(repoRoot, "docs", "screenshots");
  fs.mkdirSync(docsDir, { recursive: true });
  let missing = 0;
  for (const control of listControls()) {
    const shot = previewShots[control];
    const source = shot ? path.join(screenshotDir, shot) : "";
    if (!shot || !fs.existsSync(source)) {
      console.error(`${control}: no screenshot ${shot ?? "(none mapped)"} in ${screenshotDir}; run npm run test:browser first.`);
      missing++;
      continue;
    }
    fs.copyFileSync(source, path.join(repoRoot, "controls", control, "img", "preview.png"));
    fs.copyFileSync(source, path.join(docsDir, `${control}.png`));
    console.log(`${control}: preview and docs screenshot from ${shot}`);
    for (const state of stateShots) {
      const file = `${control}-${state}.png`;
      if (!fs.existsSync(path.join(screenshotDir, file))) {
        console.error(`${control}: no screenshot ${file} in ${screenshotDir}; run the i18n browser test first.`);
        missing++;
        continue;
      }
      fs.copyFileSync(path.join(screenshotDir, file), path.join(docsDir, file));
      console.log(`${control}: docs screenshot ${file}`);
    }
  }
  if (missing > 0) process.exitCode = 1;
}

main();
