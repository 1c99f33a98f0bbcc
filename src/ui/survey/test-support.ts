/**
 * Loaded inside a page with a strict CSP and Trusted Types enforced (see csp.browser.test.ts):
 * renders a banner, a modal announcement and a survey, then answers the survey, and reports what
 * it saw to the parent page. Test-only: not part of the build.
 */
import { createRenderer } from '../index.js';

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
  experience: { id: 'csp-banner', type: 'announcement', display: 'banner', title: 'Banner', body: '**Bold** <script>alert(1)</script>' },
});
renderer.show({
  experience: {
    id: 'csp-survey',
    type: 'survey',
    kind: 'nps',
    question: 'Recommend us?',
    askWhy: true,
    followUps: [{ scores: [0, 10], body: 'See [the guide](https://example.com)' }],
  },
});
renderer.show({ experience: { id: 'csp-modal', type: 'announcement', display: 'modal', title: 'Modal', body: 'Text' } });

const deadline = performance.now() + 5000;
let answered = false;
const check = () => {
  const banner = document.querySelector('wm-announcement[data-experience="csp-banner"]')?.shadowRoot?.querySelector('.card');
  const modal = document.querySelector('wm-announcement[data-experience="csp-modal"]')?.shadowRoot?.querySelector('dialog');
  const survey = document.querySelector('wm-survey')?.shadowRoot;
  const card = survey?.querySelector('.card');
  const open = Boolean(banner?.matches(':popover-open') && modal?.matches(':modal') && card?.matches(':popover-open'));
  if (open && !answered) {
    answered = true;
    survey!.querySelector<HTMLElement>('[role="radio"][data-value="4"]')!.click();
    survey!.querySelector<HTMLElement>('.footer .btn.primary')!.click();
  }
  const followUp = survey?.querySelector('.follow-up a') ?? null;
  if ((open && followUp) || performance.now() > deadline) {
    parent.postMessage(
      {
        kind: 'wm-csp-7',
        ready: open && followUp !== null,
        violations,
        errors,
        actions,
        strong: banner?.querySelector('strong')?.textContent ?? null,
        hasScript: Boolean(banner?.querySelector('script')),
      },
      '*',
    );
    renderer.dispose();
    return;
  }
  setTimeout(check, 20);
};
check();
