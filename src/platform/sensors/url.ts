import type { SensorScope } from './scope.js';
import type { Disposer } from './types.js';

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Marks our wrappers so a later disposal (of this or another Waymark instance, even another copy
 * of the SDK) can recognise them. `Symbol.for` on purpose: the mark must be shared across copies.
 */
const PATCH_MARK = Symbol.for('waymark.history-patch');

interface PatchRecord {
  /** What this wrapper calls through to (whatever `history[method]` was when it was installed). */
  readonly previous: History[HistoryMethod];
  /** Whether `history` had its own property before: if not, unwinding deletes it again. */
  readonly hadOwnProperty: boolean;
  active: boolean;
}

type MarkedMethod = History[HistoryMethod] & { readonly [PATCH_MARK]?: PatchRecord };

/** A chain longer than this is not ours to unwind (guards against a cycle someone else made). */
const MAX_UNWIND = 64;

/**
 * Run `after` whenever `history[method]` is called, after the real method. Disposal never
 * clobbers a patch installed later by someone else: it turns our wrapper into a pass-through,
 * then unwinds every inactive Waymark wrapper on top of the chain, restoring the original
 * exactly once nobody else wrapped us.
 */
export function hookHistoryMethod(history: History, method: HistoryMethod, after: () => void): Disposer {
  const previous = history[method];
  const record: PatchRecord = { previous, hadOwnProperty: Object.hasOwn(history, method), active: true };
  const wrapper = function (this: History, ...args: Parameters<History[HistoryMethod]>): void {
    Reflect.apply(previous, this, args);
    if (record.active) after();
  };
  Object.defineProperty(wrapper, PATCH_MARK, { value: record });
  history[method] = wrapper;
  return () => {
    record.active = false;
    unwind(history, method);
  };
}

function unwind(history: History, method: HistoryMethod): void {
  for (let step = 0; step < MAX_UNWIND; step++) {
    const current = history[method] as MarkedMethod;
    const record = current[PATCH_MARK];
    if (!record || record.active) return;
    if (!record.hadOwnProperty) Reflect.deleteProperty(history, method);
    // Deleting exposes the prototype's method; assign when that is not what we wrapped.
    if (history[method] !== record.previous) history[method] = record.previous;
  }
}

/** The Navigation API, where the browser has it (the DOM types declare it as always present). */
function navigationOf(win: Window): EventTarget | undefined {
  return (win as { navigation?: EventTarget }).navigation;
}

/**
 * Call `onChange(href)` whenever the URL changes: history.pushState/replaceState, back/forward
 * (popstate), fragment changes (hashchange) and the Navigation API's `navigatesuccess`. Several
 * of these fire for one navigation, so a change is reported only when the URL differs from the last one.
 */
export function watchUrl(scope: SensorScope, onChange: (href: string, previous: string) => void): void {
  const win = scope.window;
  let last = win.location.href;
  const check = scope.guard(() => {
    const href = win.location.href;
    if (href === last) return;
    const previous = last;
    last = href;
    onChange(href, previous);
  });
  scope.add(hookHistoryMethod(win.history, 'pushState', check));
  scope.add(hookHistoryMethod(win.history, 'replaceState', check));
  scope.listen(win, 'popstate', check);
  scope.listen(win, 'hashchange', check);
  const navigation = navigationOf(win);
  if (navigation) scope.listen(navigation, 'navigatesuccess', check);
}
