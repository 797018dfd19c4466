/**
 * jest globalTeardown of the browser tests: closes the run's harness server (./global-setup) and
 * releases the harness lock; fails the run if pcf-start still holds its port afterwards.
 */
import { portInUse, takeRunServer, unpublishSharedServer } from "./harness-server";

export default async function globalTeardown(): Promise<void> {
  const run = takeRunServer();
  if (!run) return;
  const port = Number(new URL(run.server.url).port);
  try {
    await run.server.close();
  } finally {
    unpublishSharedServer();
    run.releaseLock();
  }
  if (await portInUse(port)) throw new Error(`The harness server was closed but port ${port} is still in use.`);
}
