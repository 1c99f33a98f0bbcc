// History API routing: links are intercepted, back/forward work, and the server falls back to
// index.html for paths without an extension, so every route also works on reload.

/** Compile `/projects/:id` into a matcher. */
export function compileRoute(pattern, page) {
  const keys = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern, page, regex: new RegExp(`^${source}$`), keys };
}

/** Remove a trailing slash (except the root) so `/projects/` and `/projects` are one route. */
export function normalizePath(pathname) {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname;
}

export function matchRoute(routes, pathname) {
  const path = normalizePath(pathname);
  for (const route of routes) {
    const match = route.regex.exec(path);
    if (match) {
      const params = Object.fromEntries(route.keys.map((key, index) => [key, decodeURIComponent(match[index + 1])]));
      return { route, params, path };
    }
  }
  return null;
}

/**
 * Start routing. `onRoute({ route, params, path, url }, { initial, fromHistory })` renders;
 * returns `{ navigate(path, { replace }), refresh(), dispose() }`. `refresh` re-renders the current
 * route in place (after the data behind it changed) without moving focus, like the first render.
 */
export function startRouter({ window: win, routes, onRoute }) {
  const doc = win.document;
  const render = (initial, fromHistory) => {
    const url = new URL(win.location.href);
    onRoute({ ...(matchRoute(routes, url.pathname) ?? { route: null, params: {}, path: url.pathname }), url }, { initial, fromHistory });
  };

  const navigate = (to, { replace = false } = {}) => {
    const target = new URL(to, win.location.href);
    const current = new URL(win.location.href);
    if (target.href === current.href) return;
    if (replace) win.history.replaceState(null, '', target.href);
    else win.history.pushState(null, '', target.href);
    render(false, false);
  };

  const onClick = (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self') || link.dataset.router === 'off') return;
    const target = new URL(link.href, win.location.href);
    if (target.origin !== win.location.origin) return;
    // Files (the config, the SDK) and in-page anchors such as the skip link are the browser's job.
    if (/\.[a-z0-9]+$/i.test(target.pathname)) return;
    if (target.pathname === win.location.pathname && target.search === win.location.search && target.hash) return;
    event.preventDefault();
    navigate(target.href);
  };
  const onPopState = () => render(false, true);

  doc.addEventListener('click', onClick);
  win.addEventListener('popstate', onPopState);
  render(true, false);

  return {
    navigate,
    refresh: () => render(true, false),
    dispose() {
      doc.removeEventListener('click', onClick);
      win.removeEventListener('popstate', onPopState);
    },
  };
}
