import type { DurableStore } from './types.js';

/** `storage: { kind: 'memory' }`: the same interface as the durable store, kept only for this page. */
export function createMemoryStore<T>(): DurableStore<T> {
  let value: T | undefined;
  return {
    mode: 'memory',
    load: async () => value,
    write: (state) => void (value = state),
    flush: async () => {},
    subscribe: () => () => {},
    clear: async () => void (value = undefined),
    dispose: async () => {},
  };
}
