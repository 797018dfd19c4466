/**
 * jest globalSetup of the browser tests: takes the harness lock for the whole run and starts the run's
 * one harness server (Chromium, and a pcf-start per jest worker), which every test file's harnesses
 * share. The run's globalTeardown (./global-teardown) closes it, pass or fail.
 */
import { acquireRunLock, publishSharedServer, setRunServer, startHarnessServer } from "./harness-server";

export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const releaseLock = await acquireRunLock();
  try {
    const server = await startHarnessServer({ shareBrowser: true, sites: Math.max(1, globalConfig.maxWorkers) });
    publishSharedServer(server);
    setRunServer({ server, releaseLock });
  } catch (e) {
    releaseLock();
    throw e;
  }
}
