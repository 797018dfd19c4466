/**
 * The processes behind the browser-test harness: headless Chromium and pcf-start (the PCF test
 * harness, a browser-sync static server), started once and reused by every harness opened on them.
 *
 * - Each pcf-start serves a stage folder, a symbolic link switched to the control a harness asks for
 *   (`serveOnStage`), one harness at a time. browser-sync reads the files on each request, so one
 *   pcf-start serves every control in turn. Its file watcher watches the folder the link pointed to
 *   when the watcher started (the empty one in a test run, which opens its first harness later), so in
 *   a run neither switching the link nor rebuilding a control reloads a page under a test.
 * - A browser-test run starts one pcf-start per jest worker (`sites`) and one Chromium for all.
 * - pcf-start 1.51.1 asks for port 8181 (browser-sync takes the next free port when it is busy): a lock
 *   directory under the OS temp folder serialises harness servers across processes (tests, benchmarks,
 *   several terminals), and a server holds it until it is closed. A server started inside a process
 *   that holds the lock through the browser-test run (`IKIT_HARNESS_LOCK_TOKEN`, which the run's
 *   workers inherit) shares that lock.
 * - Telemetry is off for pcf-start, and HOME points at a throw-away folder so nothing is written to the
 *   user's profile.
 * - Every process started here ends in `close()`, pass or fail; pcf-start's process group is also
 *   killed if the Node process exits without closing it.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserServer, chromium } from "playwright-core";
import { telemetryOffEnv } from "../../solution/scripts/pcf";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Where a browser-test run publishes its shared server to the test files (JSON of `SharedServerInfo`). */
export const SHARED_SERVER_ENV = "IKIT_HARNESS_SERVER";
/** The token of the harness lock a browser-test run holds: servers started inside the run share it. */
const LOCK_TOKEN_ENV = "IKIT_HARNESS_LOCK_TOKEN";

/** One pcf-start: the harness page's URL and the stage it serves. */
export interface HarnessSite {
  url: string;
  stage: string;
}

/** What a test file needs to use the run's server: Chromium's endpoint and the pcf-starts. */
export interface SharedServerInfo {
  wsEndpoint: string;
  sites: HarnessSite[];
}

export interface HarnessServer extends HarnessSite {
  /** The first pcf-start's page, e.g. http://localhost:8181. */
  readonly url: string;
  /** Every pcf-start (one per jest worker in a browser-test run), the first one being `url` and `stage`. */
  readonly sites: readonly HarnessSite[];
  /** Chromium, for a server started with `shareBrowser: false`. */
  readonly browser?: Browser;
  /** Chromium's Playwright endpoint, for a server started with `shareBrowser: true`. */
  readonly wsEndpoint?: string;
  /** The folder the first pcf-start serves: a link switched to the control being tested. */
  readonly stage: string;
  close(): Promise<void>;
}

/** Where Chromium is, or a clear message about how to get it: browser tests never skip silently. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `Chromium was not found at ${candidate}. Install Debian's package with ` +
        "`sudo apt-get update && sudo apt-get install -y chromium` (or run `npm run setup:chromium`), " +
        "or set CHROMIUM_PATH to a Chromium executable.",
    );
  }
  return candidate;
}

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Debian's wrapper adds Google API keys; without this rule Chromium makes background requests that
  // page.route never sees (../shared/guide/browser-tests.md).
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
  "--no-proxy-server",
  "--disable-domain-reliability",
  "--dns-prefetch-disable",
];

/**
 * Starts Chromium and `sites` pcf-starts (default 1), each on an empty stage of its own. `shareBrowser`
 * launches Chromium as a server that other module registries and processes connect to (a jest run's
 * test files); otherwise the Browser is handed over directly.
 */
export async function startHarnessServer(options: { shareBrowser: boolean; sites?: number }): Promise<HarnessServer> {
  const executablePath = chromiumPath();
  const release = await acquireLock();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ikit-harness-"));
  const empty = path.join(scratch, "empty");
  fs.mkdirSync(empty);
  const children: ChildProcess[] = [];
  let browser: Browser | undefined;
  let browserServer: BrowserServer | undefined;
  const killOnExit = (): void => {
    for (const child of children) signalGroup(child, "SIGKILL");
  };
  process.once("exit", killOnExit);
  const closeAll = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await browserServer?.close().catch(() => undefined);
    await Promise.all(children.map((child) => killTree(child)));
    process.removeListener("exit", killOnExit);
    fs.rmSync(scratch, { recursive: true, force: true });
    release();
  };
  try {
    // The pcf-starts (one after the other: each takes the first free port from 8181) and Chromium
    // start side by side.
    const startSites = async (): Promise<HarnessSite[]> => {
      const sites: HarnessSite[] = [];
      for (let i = 0; i < (options.sites ?? 1); i++) {
        const stage = path.join(scratch, `stage-${i + 1}`);
        fs.symlinkSync(empty, stage, "dir");
        const started = await startPcfStart(stage, path.join(scratch, "home"), (child) => children.push(child));
        sites.push({ url: started.url, stage });
      }
      return sites;
    };
    const launchOptions = { executablePath, headless: true, args: chromiumArgs };
    const [sites] = await Promise.all([
      startSites(),
      options.shareBrowser
        ? chromium.launchServer(launchOptions).then((s) => (browserServer = s))
        : chromium.launch(launchOptions).then((b) => (browser = b)),
    ]);
    let closed = false;
    return {
      url: sites[0].url,
      stage: sites[0].stage,
      sites,
      browser,
      wsEndpoint: browserServer?.wsEndpoint(),
      async close() {
        if (closed) return;
        closed = true;
        await closeAll();
      },
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

/** The run's shared server, when the test files run inside a browser-test run (jest globalSetup). */
export function sharedServerInfo(): SharedServerInfo | undefined {
  const raw = process.env[SHARED_SERVER_ENV];
  return raw ? (JSON.parse(raw) as SharedServerInfo) : undefined;
}

/** Publishes a server to the test files of this run (they read it with `sharedServerInfo`). */
export function publishSharedServer(server: HarnessServer): void {
  if (!server.wsEndpoint) throw new Error("Only a server started with shareBrowser: true can be shared.");
  const info: SharedServerInfo = { wsEndpoint: server.wsEndpoint, sites: [...server.sites] };
  process.env[SHARED_SERVER_ENV] = JSON.stringify(info);
}

/** The pcf-start of this process: jest worker n (1, 2, …) takes the run's n-th one. */
export function siteOfThisProcess(info: SharedServerInfo): HarnessSite {
  const worker = Number(process.env.JEST_WORKER_ID ?? "1");
  return info.sites[(Number.isInteger(worker) && worker > 0 ? worker - 1 : 0) % info.sites.length];
}

export function unpublishSharedServer(): void {
  delete process.env[SHARED_SERVER_ENV];
}

/**
 * Points the stage at a built control folder, for one harness at a time: resolves with a function that
 * points it back at the empty folder. Another process using the stage is waited for; a second harness in
 * the same process is an error (close the first one).
 */
export async function serveOnStage(stage: string, codePath: string): Promise<() => void> {
  const marker = `${stage}.in-use`;
  const releaseMarker = await takeDir(marker, `the harness stage ${stage}`);
  const empty = path.join(path.dirname(stage), "empty");
  const point = (target: string): void => {
    // A new link renamed over the old one: the stage is never missing, even for a moment.
    const next = `${stage}.next`;
    fs.rmSync(next, { force: true });
    fs.symlinkSync(path.resolve(target), next, "dir");
    fs.renameSync(next, stage);
  };
  try {
    point(codePath);
  } catch (e) {
    releaseMarker();
    throw e;
  }
  return () => {
    try {
      point(empty);
    } finally {
      releaseMarker();
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Machine-wide lock: one harness server at a time.

const lockDir = path.join(os.tmpdir(), "integrationkit-harness.lock");

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Holds the machine-wide harness lock until the returned function is called. Inside a process (or a
 * child of one) that published `IKIT_HARNESS_LOCK_TOKEN` for the lock it holds, the lock is shared.
 */
async function acquireLock(): Promise<() => void> {
  const token = process.env[LOCK_TOKEN_ENV];
  if (token && readOwner(lockDir).token === token) return () => undefined;
  return takeDir(lockDir, "the harness lock");
}

/** Takes the lock for a browser-test run and lets every process of the run share it. */
export async function acquireRunLock(): Promise<() => void> {
  const release = await acquireLock();
  process.env[LOCK_TOKEN_ENV] = readOwner(lockDir).token;
  return () => {
    delete process.env[LOCK_TOKEN_ENV];
    release();
  };
}

/** The lock's owner: its pid (alone in the `pid` file, as earlier versions of this runner read it) and token. */
function readOwner(dir: string): { pid: number; token: string } {
  const read = (name: string): string => {
    try {
      return fs.readFileSync(path.join(dir, name), "utf8");
    } catch {
      // No lock, or its owner is between mkdir and writing the file.
      return "";
    }
  };
  const pid = read("pid");
  return { pid: pid === "" ? NaN : Number(pid), token: read("token") };
}

/** A directory as a lock: its `pid` file names the owner; an owner that has died loses it. */
async function takeDir(dir: string, what: string, timeoutMs = 15 * 60_000): Promise<() => void> {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "token"), `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
      fs.writeFileSync(path.join(dir, "pid"), String(process.pid));
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      const owner = readOwner(dir).pid;
      if (owner === process.pid) throw new Error(`${what} is already held by this process: close the harness that holds it first.`);
      if (Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) {
        fs.rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what} (${dir}, held by pid ${owner}).`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// pcf-start

/** Signals pcf-start's whole process group (it runs detached): a grandchild can hold the port. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

async function killTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const pid = child.pid;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  let handle: NodeJS.Timeout | undefined;
  const timer = new Promise<"timeout">((r) => {
    handle = setTimeout(() => r("timeout"), 4000);
  });
  const outcome = await Promise.race([exited, timer]);
  clearTimeout(handle);
  if (outcome === "timeout") {
    signalGroup(child, "SIGKILL");
    await exited;
  }
  // Whatever is left of the group gets no second chance: the next server needs the port.
  if (groupAlive(pid)) {
    await new Promise((r) => setTimeout(r, 500));
    signalGroup(child, "SIGKILL");
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts connections on a localhost port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function startPcfStart(
  codePath: string,
  home: string,
  onSpawn: (child: ChildProcess) => void,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, "node_modules", "pcf-start", "bin", "pcf-start.js"), "--codePath", codePath], {
    cwd: repoRoot,
    env: { ...process.env, ...telemetryOffEnv(), HOME: home, BROWSER: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  onSpawn(child);
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pcf-start did not report its URL within 60 s:\n${log.join("")}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      log.push(text);
      const m = /Local:\s+(http:\/\/localhost:\d+)/.exec(log.join(""));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => log.push(c.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pcf-start exited with code ${code}:\n${log.join("")}`));
    });
  });
  return { child, url };
}

// ---------------------------------------------------------------------------------------------
// The run's server, from jest's globalSetup to its globalTeardown (both run in jest's own process
// and global scope, which test files do not share).

interface RunServer {
  server: HarnessServer;
  releaseLock: () => void;
}

const RUN_SERVER_KEY = Symbol.for("integrationkit.harness.runServer");

export function setRunServer(run: RunServer): void {
  (globalThis as Record<symbol, unknown>)[RUN_SERVER_KEY] = run;
}

export function takeRunServer(): RunServer | undefined {
  const g = globalThis as Record<symbol, unknown>;
  const run = g[RUN_SERVER_KEY] as RunServer | undefined;
  delete g[RUN_SERVER_KEY];
  return run;
}
