import { render } from "@testing-library/react";
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
