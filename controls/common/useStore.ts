import * as React from "react";
import { useSyncExternalStore } from "use-sync-external-store/shim";
import type { ReadableStore } from "@integrationkit/shared";

/**
 * Reads a store's snapshot and re-renders when it changes. React 16 has no built-in
 * useSyncExternalStore; the shim is React's own, kept by the React team for older versions.
 * Works with class-based stores too: the methods are called on the store, never detached.
 */
export function useStore<T>(store: ReadableStore<T>): T {
  const subscribe = React.useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const getSnapshot = React.useCallback(() => store.getSnapshot(), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
