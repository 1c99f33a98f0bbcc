import type { Waymark, WaymarkEventMap } from '../../src/index.js';

let counter = 0;
/** A database name no other test uses, so tests never see each other's progress. */
export function uniqueDb(prefix = 'wm-test'): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Resolve with the next `type` event whose payload passes `match`. */
export function nextEvent<K extends keyof WaymarkEventMap>(
  wm: Waymark,
  type: K,
  match: (payload: WaymarkEventMap[K]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<WaymarkEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no '${String(type)}' event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = wm.on(type, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** Poll a condition on animation frames (for facts that have no event). */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

/** Collect every event of a type into an array. */
export function record<K extends keyof WaymarkEventMap>(wm: Waymark, type: K): WaymarkEventMap[K][] {
  const seen: WaymarkEventMap[K][] = [];
  wm.on(type, (payload) => seen.push(payload));
  return seen;
}

/** Load a module-script page in a same-origin iframe (a second "tab" or a reloaded page). */
export async function frame(body: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.srcdoc = `<!doctype html><html><body>${body}</body></html>`;
  const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
  document.body.append(iframe);
  await loaded;
  return iframe;
}

/**
 * Define custom element `name` whose constructor renders a button into a new open shadow root: an upgrade that
 * mutates nothing a MutationObserver on the page sees. `button` sets the button's id or class.
 */
export function defineShadowButton(name: string, button: { id?: string; className?: string }): void {
  customElements.define(
    name,
    class extends HTMLElement {
      constructor() {
        super();
        const inner = Object.assign(document.createElement('button'), { textContent: 'Inside' }, button);
        this.attachShadow({ mode: 'open' }).append(inner);
      }
    },
  );
}
