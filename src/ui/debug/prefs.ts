/** The debug overlay's per-session choices (collapsed, corner), kept in sessionStorage. */

export type Corner = 'bottom-start' | 'bottom-end' | 'top-end' | 'top-start';
export const CORNERS: Corner[] = ['bottom-start', 'bottom-end', 'top-end', 'top-start'];
const PREFS_KEY = 'waymark:debug';
/** Below this viewport width the overlay starts collapsed. */
const NARROW = 640;

export interface DebugPrefs {
  collapsed: boolean;
  corner: Corner;
}

/** The session's choice; without one, a narrow screen starts with the pill so the app stays usable. */
export function readPrefs(win: Window | null, width: number): DebugPrefs {
  try {
    const raw = JSON.parse(win?.sessionStorage.getItem(PREFS_KEY) ?? '{}') as { collapsed?: unknown; corner?: unknown };
    return {
      collapsed: typeof raw.collapsed === 'boolean' ? raw.collapsed : width < NARROW,
      corner: CORNERS.includes(raw.corner as Corner) ? (raw.corner as Corner) : 'bottom-start',
    };
  } catch {
    return { collapsed: false, corner: 'bottom-start' };
  }
}

export function savePrefs(win: Window | null, prefs: DebugPrefs): void {
  try {
    win?.sessionStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Storage may be off; the panel still works, it just forgets.
  }
}
