// The app's only door to Waymark. Every call is guarded: the app must work when the SDK is
// missing, still loading (calls go to the stub's queue and are replayed), or failing.
// `window.waymark` is looked up on every call because the SDK replaces the stub when it loads.

export function createWaymarkBridge(win) {
  const invoke = (method, args) => {
    const waymark = win.waymark;
    try {
      // The loaded SDK exposes methods; before that, the stub function queues the call.
      if (typeof waymark?.[method] === 'function') return waymark[method](...args);
      if (typeof waymark === 'function') return waymark(method, ...args);
    } catch (error) {
      console.warn(`[acme] waymark.${method} failed; the app carries on without it`, error);
    }
    return undefined;
  };
  return {
    /** Options for the SDK's auto-init; only meaningful before the SDK has loaded. */
    init: (options) => invoke('init', [options]),
    identify: (userId, traits) => invoke('identify', [userId, traits]),
    track: (name, props) => invoke('track', [name, props]),
    reset: () => invoke('reset', []),
    openHelp: (query) => invoke('openHelp', query === undefined ? [] : [query]),
    openChat: (message) => invoke('openChat', message === undefined ? [] : [message]),
    /** Subscribe to an SDK event; returns the unsubscribe (a no-op when the SDK gave none). */
    on(type, handler) {
      const unsubscribe = invoke('on', [type, handler]);
      return typeof unsubscribe === 'function' ? unsubscribe : () => {};
    },
    /** True once the real SDK (not the stub) is installed. */
    isLoaded: () => typeof win.waymark?.version === 'string',
  };
}
