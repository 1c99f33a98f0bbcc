import type { Target } from '../../config/types.js';
import { targetResolverFor } from './click.js';
import { keysMatching, pathElements } from './match.js';
import { runSensor, describeElement, truncate } from './scope.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';

/** One click (or the press that starts one) waiting to see whether the page answers it. */
interface Watch {
  /** The clicked element and its composed ancestors: focus moving within them is no answer. */
  path: ReadonlySet<Element>;
  answered: boolean;
}

interface ClickWatch extends Watch {
  keys: string[];
  detail: string;
  href: string;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, attributes: true, characterData: true };
/** Events that show the page reacted although the DOM may not have changed. */
const ANSWER_EVENTS = ['input', 'change', 'toggle', 'submit', 'reset', 'play', 'pause', 'scroll'];
const TEXT_INPUT_EXCLUDED = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'range', 'color', 'file']);
const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * Dead clicks: a click on an element after which nothing happens within `deadClickWindowMs`: no
 * DOM mutation (in the document or an open shadow root on the click's path), no URL change, no
 * focus moving elsewhere or into a field, no scroll, no dialog/popover/details toggling, no form
 * input. The watch starts at the pointer press, so menus that open on mousedown count as an
 * answer. Clicks on the page background and into text fields (placing the caret) are ignored,
 * and so are untrusted (scripted) clicks. The mutation observer runs only while a click is pending.
 */
export function deadClickSensor(ctx: SensorContext, targets: ReadonlyMap<string, Target>, options?: SensorOptions): Disposer {
  const { deadClickWindowMs, detailMaxLength } = resolveSensorOptions(options);
  return runSensor(ctx, 'dead-click', (scope) => {
    const win = scope.window;
    const doc = win.document;
    const resolver = targetResolverFor(scope);
    const pending = new Set<ClickWatch>();
    let press: (Watch & { timer: number }) | null = null;
    let observing = false;

    const answer = (): void => {
      if (press) press.answered = true;
      for (const watch of pending) watch.answered = true;
    };
    const observer = new win.MutationObserver(scope.guard(answer));
    scope.add(() => observer.disconnect());

    function observe(elements: readonly Element[]): void {
      if (!observing) observer.observe(doc, OBSERVE);
      observing = true;
      // Mutations inside a shadow root are invisible to an observer on the document.
      for (const el of elements) {
        const root = el.parentNode;
        if (root?.nodeType === DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host) observer.observe(root, OBSERVE);
      }
    }
    function stopWhenIdle(): void {
      if (!observing || pending.size > 0 || press) return;
      observer.disconnect();
      observing = false;
    }
    function clearPress(): void {
      if (!press) return;
      scope.clearTimeout(press.timer);
      press = null;
    }

    scope.listen<PointerEvent>(doc, 'pointerdown', (event) => {
      if (!event.isTrusted) return;
      clearPress();
      const elements = pathElements(event);
      observe(elements);
      press = {
        path: new Set(elements),
        answered: false,
        timer: scope.timeout(() => {
          press = null;
          stopWhenIdle();
        }, deadClickWindowMs),
      };
    }, { capture: true, passive: true });

    scope.listen<MouseEvent>(doc, 'click', (event) => {
      const answeredEarly = press?.answered ?? false;
      clearPress();
      const elements = pathElements(event);
      const clicked = elements[0];
      if (!event.isTrusted || !clicked || clicked === doc.body || clicked === doc.documentElement || isTextEntry(clicked)) {
        stopWhenIdle();
        return;
      }
      observe(elements);
      const watch: ClickWatch = {
        path: new Set(elements),
        answered: answeredEarly,
        keys: keysMatching(elements, targets, resolver),
        detail: truncate(`no response to a click on ${describeElement(clicked)}`, detailMaxLength),
        href: win.location.href,
      };
      pending.add(watch);
      scope.timeout(() => {
        pending.delete(watch);
        if (!watch.answered && win.location.href === watch.href) {
          scope.emit({ type: 'struggle', at: scope.now(), kind: 'dead-click', keys: watch.keys, detail: watch.detail });
        }
        stopWhenIdle();
      }, deadClickWindowMs);
    }, { capture: true, passive: true });

    const answerIfWatching = (): void => {
      if (observing) answer();
    };
    for (const type of ANSWER_EVENTS) scope.listen(doc, type, answerIfWatching, { capture: true, passive: true });
    scope.listen(win, 'popstate', answerIfWatching);
    scope.listen(win, 'hashchange', answerIfWatching);
    // Focus answers when it moves away from what was clicked, or into a field (a label focusing its input).
    scope.listen<FocusEvent>(doc, 'focusin', (event) => {
      if (!observing) return;
      const focused = pathElements(event)[0];
      if (!focused) return;
      const moved = (watch: Watch) => !watch.path.has(focused) || isTextEntry(focused);
      if (press && moved(press)) press.answered = true;
      for (const watch of pending) if (moved(watch)) watch.answered = true;
    }, { capture: true, passive: true });

  });
}

/** Fields where a click places the caret: clicking them is never "dead". */
function isTextEntry(el: Element): boolean {
  if (el.nodeType !== ELEMENT_NODE) return false;
  switch (el.localName) {
    case 'textarea':
    case 'select':
      return true;
    case 'input':
      return !TEXT_INPUT_EXCLUDED.has((el as HTMLInputElement).type);
    default:
      return (el as HTMLElement).isContentEditable === true;
  }
}
