/**
 * Loaded inside a page with a strict CSP and Trusted Types enforced (see csp.browser.test.ts):
 * mounts the debug overlay with hostile-looking config and user strings, collapses and expands it,
 * runs the picker on an element, and reports what it saw to the parent page. Test-only: not part
 * of the build.
 */
import { accessibleText, resolveAllTargets, roleOf } from '../../platform/targets/index.js';
import { tagName, type WmDebug } from './define.js';
import type { DebugSource } from './types.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
const HOSTILE = '<img src=x onerror="parent.postMessage({kind:\'pwned\'},\'*\')">';

const source: DebugSource = {
  window,
  snapshot: () => ({
    userId: HOSTILE,
    stage: { id: 'setup', name: HOSTILE },
    traits: { company: HOSTILE },
    locale: 'en',
    locales: ['en', 'ru'],
    experiences: [{ id: 'x', name: HOSTILE, type: 'hint', why: { experienceId: 'x', eligible: false, active: false, reason: HOSTILE, checks: [{ check: 'trigger', ok: false, detail: HOSTILE }] } }],
    log: [{ seq: 1, at: 0, kind: 'signal', type: 'track', summary: HOSTILE }],
  }),
  subscribe: () => () => {},
  start() {},
  reset() {},
  setLocale() {},
  targets: { all: (target) => resolveAllTargets(target, document), roleOf, accessibleText },
};

const element = document.createElement(tagName) as WmDebug;
element.source = source;
document.body.append(element);

const root = () => element.renderRoot as ShadowRoot;
const wait = (check: () => boolean, timeout = 4000) =>
  new Promise<boolean>((resolve) => {
    const end = performance.now() + timeout;
    const step = () => (check() ? resolve(true) : performance.now() > end ? resolve(false) : setTimeout(step, 20));
    step();
  });

void (async () => {
  await element.updateComplete;
  const layerShown = root().querySelector('.layer')?.matches(':popover-open') ?? false;
  root().querySelector<HTMLButtonElement>('.collapse')!.click();
  const collapsed = await wait(() => root().querySelector('.pill') !== null);
  root().querySelector<HTMLButtonElement>('.pill')!.click();
  const expanded = await wait(() => root().querySelector('.panel .body') !== null);
  element.pick();
  const shield = await wait(() => root().querySelector('.shield')?.matches(':popover-open') ?? false);
  const target = document.querySelector('#csp-target')!.getBoundingClientRect();
  const at = { clientX: target.left + 5, clientY: target.top + 5, bubbles: true, composed: true, button: 0 };
  root().querySelector('.shield')!.dispatchEvent(new PointerEvent('pointermove', at));
  root().querySelector('.shield')!.dispatchEvent(new MouseEvent('click', at));
  const picked = await wait(() => element.picked !== null);
  await element.updateComplete;
  parent.postMessage(
    {
      kind: 'wm-csp-debug',
      ready: layerShown && collapsed && expanded && shield && picked,
      violations,
      selector: element.picked?.selector ?? null,
      images: root().querySelectorAll('img').length + document.querySelectorAll('img').length,
      hostileShownAsText: root().querySelector('.user-id')?.textContent === HOSTILE,
    },
    '*',
  );
  element.remove();
})();
