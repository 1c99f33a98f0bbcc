/**
 * Helpers for the store's browser tests (real Chromium, real IndexedDB). Not part of the SDK: nothing imports
 * this outside `*.browser.test.ts`.
 */
import type * as StoreModule from './index.js';

let counter = 0;
/** A database name no other test uses. */
export function uniqueDbName(prefix = 'wm-store'): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The test state: a set of facts. Its merge is a union, so losing a concurrent write is visible. */
export interface Facts {
  facts: string[];
}
export const mergeFacts = (a: Facts, b: Facts): Facts => ({ facts: [...new Set([...a.facts, ...b.facts])].sort() });
/** Accepts the current shape and an "old version" `{ v: 0, list }`; anything else is corrupt. */
export function migrateFacts(raw: unknown): Facts {
  const value = raw as { facts?: unknown; v?: unknown; list?: unknown };
  if (Array.isArray(value?.facts) && value.facts.every((f) => typeof f === 'string')) return { facts: [...value.facts].sort() };
  if (value?.v === 0 && Array.isArray(value.list)) return { facts: value.list.map(String).sort() };
  throw new TypeError('not a Facts record');
}

/** Timers that only move when the test says so. */
export interface FakeClock {
  setTimeout(callback: () => void, ms?: number): number;
  clearTimeout(id?: number): void;
  /** Run every timer due within `ms`, in order (including ones they schedule). */
  advance(ms: number): void;
  /** How many timers are waiting. */
  pending(): number;
  /** Milliseconds advanced so far. */
  now(): number;
}
export function fakeClock(): FakeClock {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { due: number; callback: () => void }>();
  return {
    setTimeout(callback, ms = 0) {
      const id = nextId++;
      timers.set(id, { due: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(id) {
      if (id !== undefined) timers.delete(id);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        let earliest: [number, { due: number; callback: () => void }] | undefined;
        for (const entry of timers) if (entry[1].due <= target && (!earliest || entry[1].due < earliest[1].due)) earliest = entry;
        if (!earliest) break;
        timers.delete(earliest[0]);
        now = earliest[1].due;
        earliest[1].callback();
      }
      now = target;
    },
    pending: () => timers.size,
    now: () => now,
  };
}

/** An EventTarget that knows which listeners are attached (to prove dispose removes them all). */
class CountingTarget extends EventTarget {
  private readonly attached: Array<{ type: string; listener: EventListenerOrEventListenerObject | null }> = [];
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    if (!this.attached.some((a) => a.type === type && a.listener === listener)) this.attached.push({ type, listener });
    super.addEventListener(type, listener, options);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void {
    const index = this.attached.findIndex((a) => a.type === type && a.listener === listener);
    if (index >= 0) this.attached.splice(index, 1);
    super.removeEventListener(type, listener, options);
  }
  types(): string[] {
    return this.attached.map((a) => a.type);
  }
}

export interface FakeWindow {
  window: Window;
  clock: FakeClock;
  /** Where `window` events (pagehide, online) are dispatched. */
  events: EventTarget;
  /** Where `document` events (visibilitychange) are dispatched. */
  documentEvents: EventTarget;
  setVisibility(state: DocumentVisibilityState): void;
  /** Types of the listeners still attached to the fake window and document. */
  listeners(): string[];
}

/**
 * A window whose timers and events the test controls; IndexedDB, BroadcastChannel, crypto and the rest are
 * the real page's. `overrides` replace members (e.g. `indexedDB: undefined`, a `navigator` without locks).
 */
export function fakeWindow(overrides: Record<string, unknown> = {}): FakeWindow {
  const clock = fakeClock();
  const events = new CountingTarget();
  const documentEvents = new CountingTarget();
  let visibility: DocumentVisibilityState = 'visible';
  const fakeDocument = {
    get visibilityState() {
      return visibility;
    },
    addEventListener: documentEvents.addEventListener.bind(documentEvents),
    removeEventListener: documentEvents.removeEventListener.bind(documentEvents),
  };
  const win = {
    indexedDB: window.indexedDB,
    IDBKeyRange: window.IDBKeyRange,
    BroadcastChannel: window.BroadcastChannel,
    crypto: window.crypto,
    navigator: window.navigator,
    fetch: () => Promise.reject(new TypeError('no network in tests')),
    document: fakeDocument,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    ...overrides,
  };
  return {
    window: win as unknown as Window,
    clock,
    events,
    documentEvents,
    setVisibility: (state) => (visibility = state),
    listeners: () => [...events.types(), ...documentEvents.types()],
  };
}

/** Resolve with the next message on `waymark:<dbName>` (what the store tells other tabs after a write). */
export function nextBroadcast(dbName: string, match: (data: unknown) => boolean = () => true): Promise<unknown> {
  const channel = new BroadcastChannel(`waymark:${dbName}`);
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      if (!match(event.data)) return;
      channel.close();
      resolve(event.data);
    };
  });
}

export interface Tab {
  frame: HTMLIFrameElement;
  /** The store module, imported afresh inside the frame's own realm (its own globals and IndexedDB connection). */
  store: typeof StoreModule;
  /** Reload the frame (a real navigation: `pagehide` fires) and import the module again. */
  reload(): Promise<void>;
  close(): void;
}

/** A same-origin iframe running its own copy of the store module: a second tab, or a page that reloads. */
export async function openTab(): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.srcdoc = '<!doctype html><title>tab</title>';
  const moduleUrl = new URL('./index.ts', import.meta.url).href;
  const load = async () => {
    const realm = frame.contentWindow as Window & typeof globalThis;
    const importer = new realm.Function('url', 'return import(url)') as (url: string) => Promise<typeof StoreModule>;
    return importer(moduleUrl);
  };
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const tab: Tab = {
    frame,
    store: await load(),
    async reload() {
      const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.contentWindow!.location.reload();
      await reloaded;
      tab.store = await load();
    },
    close: () => frame.remove(),
  };
  return tab;
}

/** Delete a test database (after every store on it was disposed); rejects if something still holds it open. */
export function deleteDatabase(dbName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(dbName);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`database ${dbName} is still open`));
  });
}
