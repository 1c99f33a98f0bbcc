/**
 * Finding a step's target. This is the UI's own small resolver (CSS selector, `data-waymark`
 * anchor, visible text; looking inside open shadow roots) and a bounded wait that observes the
 * DOM instead of polling. The renderer can be given another resolver (platform/targets).
 */
import type { Target } from '../../config/types.js';

export interface TargetResolver {
  /** The element now, or null. Never throws (an invalid selector is "not found"). */
  resolve(target: Target): Element | null;
  /**
   * Resolve when the target appears, or with null after `timeoutMs` or when `signal` aborts.
   * Observes mutations (including inside open shadow roots); never polls.
   */
  wait(target: Target, timeoutMs: number, signal?: AbortSignal): Promise<Element | null>;
}

export function describeTarget(target: Target): string {
  if (typeof target === 'string') return target;
  if ('selector' in target) return target.selector;
  if ('anchor' in target) return `[data-waymark="${target.anchor}"]`;
  return `text "${target.text}"${target.role ? ` (role ${target.role})` : ''}${target.within ? ` within ${target.within}` : ''}`;
}

export function createTargetResolver(doc: Document): TargetResolver {
  const resolve = (target: Target): Element | null => {
    try {
      if (typeof target === 'string') return deepQuery(doc, target);
      if ('selector' in target) return deepQuery(doc, target.selector);
      if ('anchor' in target) return deepQuery(doc, `[data-waymark="${cssString(target.anchor)}"]`);
      const scope = target.within ? deepQuery(doc, target.within) : doc.body;
      return scope ? findByText(scope, target.text, target.role) : null;
    } catch {
      return null;
    }
  };

  const wait = (target: Target, timeoutMs: number, signal?: AbortSignal): Promise<Element | null> =>
    new Promise((done) => {
      const found = resolve(target);
      if (found || signal?.aborted || timeoutMs <= 0) {
        done(found);
        return;
      }
      const win = doc.defaultView;
      if (!win) {
        done(null);
        return;
      }
      const observed = new WeakSet<Node>();
      const observer = new win.MutationObserver((records) => {
        const element = resolve(target);
        if (element) {
          finish(element);
          return;
        }
        // Only new subtrees can bring new shadow roots: scan those, not the whole page.
        for (const record of records) {
          for (const added of record.addedNodes) {
            if (!(added instanceof win.Element)) continue;
            if (added.shadowRoot) observe(added.shadowRoot);
            observeShadowRoots(added);
          }
        }
      });
      const observe = (root: Node) => {
        if (observed.has(root)) return;
        observed.add(root);
        observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
      };
      const observeShadowRoots = (root: ParentNode) => {
        for (const shadow of openShadowRoots(root)) {
          observe(shadow);
        }
      };
      const timer = win.setTimeout(() => finish(null), timeoutMs);
      const onAbort = () => finish(null);
      function finish(result: Element | null) {
        observer.disconnect();
        win!.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        done(result);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      observe(doc);
      observeShadowRoots(doc);
    });

  return { resolve, wait };
}

/** querySelector that also searches open shadow roots (depth-first, document order). */
export function deepQuery(root: ParentNode, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const shadow of openShadowRoots(root)) {
    const inside = shadow.querySelector(selector);
    if (inside) return inside;
  }
  return null;
}

/** Every open shadow root under `root`, nested ones included. */
function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.shadowRoot) {
        found.push(element.shadowRoot);
        visit(element.shadowRoot);
      }
    }
  };
  visit(root);
  return found;
}

const IMPLICIT_ROLES: Record<string, string> = { BUTTON: 'button', A: 'link', H1: 'heading', H2: 'heading', H3: 'heading', LI: 'listitem', LABEL: 'label' };

function findByText(scope: Element, text: string, role: string | undefined): Element | null {
  const wanted = normalize(text);
  let best: Element | null = null;
  for (const element of scope.querySelectorAll('*')) {
    if (role && (element.getAttribute('role') ?? IMPLICIT_ROLES[element.tagName]) !== role) continue;
    if (normalize(element.textContent ?? '') !== wanted) continue;
    // The innermost match: `<li><button>Save</button></li>` should give the button.
    if (!best || best.contains(element)) best = element;
  }
  return best;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
