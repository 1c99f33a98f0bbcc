/**
 * Loaded inside a page with a strict CSP and Trusted Types enforced (see csp.test.ts): renders a
 * tour step, a hint and a beacon, and reports what it saw to the parent page.
 */
import { createRenderer } from '../../../src/ui/index.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
const actions: string[] = [];
const errors: string[] = [];
const renderer = createRenderer({
  window,
  locale: 'en',
  theme: { accent: '#0a7', radius: 6 },
  articles: new Map(),
  act: (id, action) => actions.push(`${id}:${action.type}`),
  reportError: (error, where) => errors.push(`${where}: ${String(error)}`),
});
renderer.show({
  experience: {
    id: 'csp-tour',
    type: 'tour',
    spotlight: true,
    steps: [{ target: '#target', title: 'Strict CSP', body: '**Bold** and [a link](https://example.com) <script>alert(1)</script>' }],
  },
});
renderer.show({ experience: { id: 'csp-hint', type: 'hint', target: '#target', body: 'Hint', openOn: 'trigger' } });
renderer.show({ experience: { id: 'csp-beacon', type: 'beacon', target: '#target', body: 'Beacon' } });

const deadline = performance.now() + 5000;
const check = () => {
  const tour = document.querySelector('wm-tour');
  const card = tour?.shadowRoot?.querySelector('dialog');
  const hint = document.querySelector('wm-hint')?.shadowRoot?.querySelector('.card');
  const beacon = document.querySelector('wm-beacon')?.shadowRoot?.querySelector('.beacon');
  const ready = card?.matches(':popover-open') && hint?.matches(':popover-open') && beacon?.matches(':popover-open');
  if (ready || performance.now() > deadline) {
    const strong = card?.querySelector('strong')?.textContent ?? null;
    const script = card?.querySelector('script') ?? null;
    parent.postMessage({ kind: 'wm-csp', ready: Boolean(ready), violations, errors, actions, strong, hasScript: script !== null }, '*');
    renderer.dispose();
    return;
  }
  setTimeout(check, 20);
};
check();
