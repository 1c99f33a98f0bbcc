/**
 * The renderer's fallback when nothing injects a resolver (components rendered without the
 * runtime): CSS selectors and `data-waymark` anchors in the document, nothing more. Text targets
 * and open shadow roots need the platform's resolver, which the runtime passes in.
 */
import type { Target } from '../../config/types.js';
import type { TargetResolver } from './context.js';

export function createSelectorTargets(doc: Document): TargetResolver {
  const selectorOf = (target: Target): string | null => {
    if (typeof target === 'string') return target;
    if ('selector' in target) return target.selector;
    if ('anchor' in target) return `[data-waymark="${target.anchor.replace(/["\\]/g, '\\$&')}"]`;
    return null;
  };
  const resolve = (target: Target): Element | null => {
    const selector = selectorOf(target);
    try {
      return selector === null ? null : doc.querySelector(selector);
    } catch {
      return null;
    }
  };
  return {
    resolve,
    wait: (target, timeoutMs, signal) =>
      new Promise((settle) => {
        const win = doc.defaultView;
        const now = resolve(target);
        if (now || !win || signal?.aborted || timeoutMs <= 0) return settle(now);
        const stop = (found: Element | null) => {
          observer.disconnect();
          win.clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          settle(found);
        };
        const onAbort = () => stop(null);
        const observer = new win.MutationObserver(() => {
          const found = resolve(target);
          if (found) stop(found);
        });
        const timer = win.setTimeout(onAbort, timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        observer.observe(doc, { childList: true, subtree: true, attributes: true });
      }),
    describe: (target) => selectorOf(target) ?? `text "${(target as { text: string }).text}"`,
  };
}
