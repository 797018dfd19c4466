/**
 * The one state contract of IntegrationKit: a store holds an immutable snapshot, `getSnapshot()`
 * returns it, and `subscribe()` registers a listener called after every change. React reads a store
 * with `useStore` (controls/common/useStore.ts), so a screen can never be stale: there are no getter
 * props and no forced re-renders. Stores are plain TypeScript, usable in Node tests and benchmarks.
 */
type Listener = () => void;

export interface ReadableStore<T> {
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: Listener): () => void;
  /** The current snapshot. The same object until the state changes; never mutated. */
  getSnapshot(): T;
}

export interface Store<T> extends ReadableStore<T> {
  /** Replaces the snapshot (or derives it from the previous one) and notifies when it changed. */
  set(next: T | ((previous: T) => T)): void;
}

/** Notifies listeners in registration order; a listener that throws does not stop the others. */
export class Emitter {
  private readonly listeners = new Set<Listener>();

  public subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  public emit(): void {
    let failure: unknown;
    for (const listener of Array.from(this.listeners)) {
      try {
        listener();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure === undefined) return;
    throw failure instanceof Error
      ? failure
      : new Error(typeof failure === "string" ? failure : "A store listener threw a value that is not an Error");
  }

  public get size(): number {
    return this.listeners.size;
  }
}

/** A store for a value that changes as a whole. Snapshots are frozen (shallowly) when they are objects. */
export function createStore<T>(initial: T): Store<T> {
  let snapshot = freeze(initial);
  const emitter = new Emitter();
  return {
    subscribe: (listener) => emitter.subscribe(listener),
    getSnapshot: () => snapshot,
    set(next) {
      const value = typeof next === "function" ? (next as (previous: T) => T)(snapshot) : next;
      if (Object.is(value, snapshot)) return;
      snapshot = freeze(value);
      emitter.emit();
    },
  };
}

function freeze<T>(value: T): T {
  return typeof value === "object" && value !== null ? Object.freeze(value) : value;
}
