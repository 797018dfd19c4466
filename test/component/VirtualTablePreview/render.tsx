import { act, render } from "@testing-library/react";
import { VirtualTablePreview } from "../../../controls/VirtualTablePreview";
import { fakeContext, type FakeContextOptions, type FakeDataset } from "./fakeDataset";

/** Mounts the real control class (init + updateView) over a fake dataset; `update()` replays updateView. */
export function mountControl(ds: FakeDataset, options: FakeContextOptions = {}) {
  const ctx = fakeContext(ds, options);
  const control = new VirtualTablePreview();
  control.init(ctx);
  const result = render(control.updateView(ctx));
  const update = (): void => result.rerender(control.updateView(ctx));
  return { ...result, control, ctx, update };
}

/**
 * Lets the promises the control started on mounting (the table's metadata read, then the provider's
 * name) resolve inside act(): microtasks only, so it also works under fake timers.
 */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

/** mountControl, then what it started settled: the control as a form shows it a moment after loading. */
export async function mountSettled(ds: FakeDataset, options: FakeContextOptions = {}) {
  const mounted = mountControl(ds, options);
  await settle();
  return mounted;
}
