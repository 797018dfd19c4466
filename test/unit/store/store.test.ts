import fc from "fast-check";
import { createStore, Emitter } from "../../../shared/src/store";

describe("the store contract", () => {
  it("hands out the same frozen snapshot until something changes, then a new one", () => {
    const store = createStore({ count: 0 });
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    store.set((s) => ({ count: s.count + 1 }));
    expect(store.getSnapshot()).not.toBe(first);
    expect(store.getSnapshot().count).toBe(1);
    expect(first.count).toBe(0);
  });

  it("notifies on every change and never on a no-op", () => {
    const store = createStore({ n: 1 });
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.getSnapshot().n));
    const same = store.getSnapshot();
    store.set(same);
    store.set((s) => s);
    store.set({ n: 2 });
    store.set({ n: 3 });
    stop();
    store.set({ n: 4 });
    expect(seen).toEqual([2, 3]);
  });

  it("keeps notifying the others when one listener throws, then reports the failure", () => {
    const emitter = new Emitter();
    const calls: string[] = [];
    emitter.subscribe(() => {
      calls.push("a");
      throw new Error("boom");
    });
    emitter.subscribe(() => calls.push("b"));
    expect(() => emitter.emit()).toThrow("boom");
    expect(calls).toEqual(["a", "b"]);
  });

  it("each listener hears exactly the changes made while it was subscribed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant("sub" as const), fc.constant("unsub" as const)), { maxLength: 40 }),
        (ops) => {
          const store = createStore<{ v: number } | number>(0);
          const listeners: { heard: number; expected: number; stop: () => void; active: boolean }[] = [];
          for (const op of ops) {
            if (op === "sub") {
              const entry: { heard: number; expected: number; stop: () => void; active: boolean } = {
                heard: 0,
                expected: 0,
                stop: () => undefined,
                active: true,
              };
              entry.stop = store.subscribe(() => entry.heard++);
              listeners.push(entry);
            } else if (op === "unsub") {
              const entry = listeners.find((l) => l.active);
              if (entry) {
                entry.active = false;
                entry.stop();
              }
            } else {
              // Numbers are compared by value: setting the same number is no change.
              const changed = !Object.is(store.getSnapshot(), op);
              store.set(op);
              if (changed) for (const l of listeners) if (l.active) l.expected++;
              expect(store.getSnapshot()).toBe(op);
            }
          }
          for (const l of listeners) expect(l.heard).toBe(l.expected);
        },
      ),
    );
  });
});
