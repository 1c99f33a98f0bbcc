// Waymark as a page without a bundler loads it: the stub, then `<script type="module" src="dist/cdn/waymark.js"
// data-config="…checked.json">` (a config checked by `waymark validate --out`), with the default storage (IndexedDB).
// Driven through the global `waymark()`: calls made before the bundle is in are queued by the stub and replayed.
// `?breakdown` in the page address also records when the global is installed and IndexedDB opened and read
// (the breakdown also lists any `performance.mark` a build under study sets).
export function createAdapter() {
  const waymark = (...args) => window.waymark(...args);
  if (new URLSearchParams(location.search).has('breakdown')) recordLoad();
  const ready = new Promise((resolve) => waymark('on', 'ready', () => resolve()));
  waymark('on', 'error', (error) => console.error(error.where, error.message));
  return {
    ready: () => ready,
    // The entry and the runtime chunk: the tour UI chunk, preloaded alongside, is not awaited by ready.
    readyFiles: /^(?!\/bench\/).*\/waymark\.js$|\/chunks\/runtime-[^/]*\.js$/,
    start() {
      void waymark('start', 'bench');
    },
    next: () => waymark('next'),
    destroy: () => waymark('dismiss', 'bench'),
    cards() {
      const host = document.querySelector('wm-tour[data-experience="bench"]');
      return host?.panel ? [host.panel] : [];
    },
    titleOf: (card) => card.querySelector('.title')?.textContent ?? null,
  };
}

/** `window.benchLoad`: performance.now() when the bundle installed its global, and of IndexedDB's first open (its upgrade, if it creates the database) and read. */
function recordLoad() {
  const times = (window.benchLoad = {});
  const once = (key) => (times[key] ??= performance.now());
  let global = window.waymark;
  Object.defineProperty(window, 'waymark', {
    configurable: true,
    get: () => global,
    set(value) {
      once('global installed');
      global = value;
    },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    once('indexedDB open');
    const request = open.apply(this, args);
    request.addEventListener('upgradeneeded', () => once('indexedDB upgradeneeded'));
    request.addEventListener('success', () => once('indexedDB opened'));
    return request;
  };
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (...args) {
    once('indexedDB read');
    const request = get.apply(this, args);
    request.addEventListener('success', () => once('indexedDB read answered'));
    return request;
  };
}
