/**
 * jest globalSetup of the browser tests: takes the harness lock for the whole run and starts the run's
 * one harness server (pcf-start and Chromium), which every test file's harnesses share. The run's
 * globalTeardown (./global-teardown) closes it, pass or fail.
 */
import { acquireRunLock, publishSharedServer, setRunServer, startHarnessServer } from "./harness-server";

export default async function globalSetup(): Promise<void> {
  const releaseLock = await acquireRunLock();
  try {
    const server = await startHarnessServer({ shareBrowser: true });
    publishSharedServer(server);
    setRunServer({ server, releaseLock });
  } catch (e) {
    releaseLock();
    throw e;
  }
}
