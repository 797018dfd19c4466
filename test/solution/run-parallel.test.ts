import { heading, main, npmSteps, runParallel, runStep, Step, STEP_HEADING } from "../../solution/scripts/run-parallel";

/** A step that runs a line of JavaScript in Node. */
function node(name: string, code: string): Step {
  return { name, command: process.execPath, args: ["-e", code] };
}

describe("run-parallel (npm test's side-by-side static checks)", () => {
  it("runs the steps at the same time and passes when all pass, each output printed in one piece under its name", async () => {
    const printed: string[] = [];
    // Each step notes when it started and ended; run side by side, their 400 ms overlap.
    const span = "const t = Date.now(); setTimeout(() => { console.log(JSON.stringify([t, Date.now()])); }, 400)";
    const results = await runParallel([node("first", span), node("second", span)], (t) => printed.push(t));
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ["first", true],
      ["second", true],
    ]);
    const [a, b] = results.map((r) => JSON.parse(r.output.split("\n")[0]) as [number, number]);
    expect(a[0]).toBeLessThan(b[1]);
    expect(b[0]).toBeLessThan(a[1]);
    expect(printed).toContainEqual(expect.stringMatching(/^── first: passed in \d+\.\d s ──\n\[\d+,\d+\]\n$/));
    expect(printed).toContainEqual(expect.stringMatching(/^── second: passed in \d+\.\d s ──\n\[\d+,\d+\]\n$/));
    expect(printed[printed.length - 1]).toMatch(/^All 2 passed in \d+\.\d s\.\n$/);
  });

  it("fails when one step fails, still waiting for and printing the others", async () => {
    const printed: string[] = [];
    const results = await runParallel(
      [node("good", "setTimeout(() => console.log('fine'), 300)"), node("bad", "console.error('broken'); process.exit(3)")],
      (t) => printed.push(t),
    );
    expect(results.find((r) => r.name === "bad")).toMatchObject({ ok: false, output: "broken\n" });
    expect(results.find((r) => r.name === "good")).toMatchObject({ ok: true, output: "fine\n" });
    expect(printed).toContainEqual(expect.stringMatching(/^── bad: FAILED in \d+\.\d s ──\nbroken\n$/));
    expect(printed[printed.length - 1]).toMatch(/^FAILED: bad \(\d+\.\d s\)\.\n$/);
  });

  it("counts a step that cannot start, or is killed, as failed", async () => {
    const missing = await runStep({ name: "missing", command: "integrationkit-no-such-command", args: [] });
    expect(missing.ok).toBe(false);
    expect(missing.output).toMatch(/could not start/);
    const killed = await runStep(node("killed", "process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 5000)"));
    expect(killed.ok).toBe(false);
    expect(killed.output).toContain("(ended by SIGTERM)");
  });

  it("ends a step's output with a line break so the next heading starts on its own line", async () => {
    const printed: string[] = [];
    await runParallel([node("bare", "process.stdout.write('no newline')")], (t) => printed.push(t));
    expect(printed[0]).toMatch(/──\nno newline\n$/);
    expect(heading({ name: "x", ok: false, seconds: 1.26, output: "" })).toBe("── x: FAILED in 1.3 s ──");
    // npm run bench:tests reads the headings back for its table.
    expect(STEP_HEADING.exec(heading({ name: "lint:eslint", ok: true, seconds: 25.04, output: "" }))?.slice(1)).toEqual([
      "lint:eslint",
      "passed",
      "25.0",
    ]);
  });

  it("runs npm scripts quietly, and exits 1 when a script fails, 2 without any", async () => {
    expect(npmSteps(["typecheck"])[0]).toMatchObject({ name: "typecheck", args: ["run", "--silent", "typecheck"] });
    const printed: string[] = [];
    expect(await main([], (t) => printed.push(t))).toBe(2);
    expect(printed[0]).toMatch(/^Usage: /);
    // An npm script that does not exist fails (npm exits non-zero) without stopping the run.
    expect(await main(["integrationkit-no-such-script"], (t) => printed.push(t))).toBe(1);
  }, 30_000);
});
