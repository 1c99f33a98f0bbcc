/** Anonymous ids: generated once per browser profile and kept, so an anonymous user's progress survives reloads. */
const ANONYMOUS_ID_KEY = 'waymark:anonymous-id';

export function anonymousId(win: Window, random: () => number): string {
  try {
    const existing = win.localStorage.getItem(ANONYMOUS_ID_KEY);
    if (existing) return existing;
    const id = newAnonymousId(win, random);
    win.localStorage.setItem(ANONYMOUS_ID_KEY, id);
    return id;
  } catch {
    // Storage blocked (private mode, sandboxed iframe): an id for this page only.
    return newAnonymousId(win, random);
  }
}

export function forgetAnonymousId(win: Window): void {
  try {
    win.localStorage.removeItem(ANONYMOUS_ID_KEY);
  } catch {
    /* nothing stored, nothing to forget */
  }
}

export function isAnonymous(userId: string): boolean {
  return userId.startsWith('anon-');
}

function newAnonymousId(win: Window, random: () => number): string {
  const uuid = win.crypto?.randomUUID?.();
  if (uuid) return `anon-${uuid}`;
  return `anon-${Math.floor(random() * 2 ** 52).toString(36)}${Math.floor(random() * 2 ** 52).toString(36)}`;
}

/** A random id (this page's origin in merged state, a session). */
export function randomId(win: Window, random: () => number): string {
  return win.crypto?.randomUUID?.() ?? `${Math.floor(random() * 2 ** 52).toString(36)}`;
}

/** A session lasts as long as the tab (sessionStorage survives reloads, not new tabs). */
export function sessionIdFor(win: Window, random: () => number): string {
  try {
    const existing = win.sessionStorage.getItem('waymark:session');
    if (existing) return existing;
    const id = randomId(win, random);
    win.sessionStorage.setItem('waymark:session', id);
    return id;
  } catch {
    return randomId(win, random);
  }
}
