/**
 * jest globalTeardown of the browser tests: closes the run's harness server (./global-setup) and
 * releases the harness lock; fails the run if a pcf-start still holds its port afterwards.
 */
import { portInUse, takeRunServer, unpublishSharedServer } from "./harness-server";

export default async function globalTeardown(): Promise<void> {
  const run = takeRunServer();
  if (!run) return;
  const ports = run.server.sites.map((site) => Number(new URL(site.url).port));
  try {
    await run.server.close();
  } finally {
    unpublishSharedServer();
    run.releaseLock();
  }
  for (const port of ports) {
    if (await portInUse(port)) throw new Error(`The harness server was closed but port ${port} is still in use.`);
  }
}
