/**
 * Loaded inside a page with a strict CSP and Trusted Types enforced (see csp.browser.test.ts):
 * opens the help panel at an article with rich text, a search, and the offline form, and shows
 * a nudge next to its target, then reports what it saw to the parent page. Test-only.
 */
import { createRenderer } from '../index.js';
import { mountHelp } from './mount/test-support.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
const errors: string[] = [];
const actions: string[] = [];
const reportError = (error: unknown, where: string) => errors.push(`${where}: ${String(error)}`);

const target = document.createElement('button');
target.id = 'connect';
target.textContent = 'Connect';
document.body.append(target);

const articles = [
  { id: 'guide', title: 'Guide', url: 'https://example.com/guide', body: '**Bold** <img src=x onerror=alert(1)> [link](https://example.com)', stages: ['s'] },
];
const renderer = createRenderer({
  window,
  locale: 'en',
  theme: { accent: '#0a7' },
  articles: new Map(articles.map((a) => [a.id, a])),
  act: (id, action) => actions.push(`${id}:${action.type}`),
  reportError,
});
renderer.show({
  experience: { id: 'csp-nudge', type: 'nudge', escalation: [{ kind: 'hint', body: 'Try **this**', target: '#connect' }] },
  level: 0,
});
const help = mountHelp({
  window,
  locale: 'en',
  articles,
  theme: { accent: '#0a7', radius: 4 },
  context: { stage: 's' },
  reportError,
  contact: async () => 'form',
  leaveMessage: async () => ({ ok: false, issues: [{ field: 'email', code: 'required', message: 'x' }] }),
});

async function run(): Promise<void> {
  const root = help.element.shadowRoot!;
  await help.open('guide');
  await help.openArticle('guide');
  const reader = root.querySelector('.reader');
  const strong = reader?.querySelector('strong')?.textContent ?? null;
  const injected = Boolean(reader?.querySelector('img'));
  await help.open();
  root.querySelector<HTMLButtonElement>('[part="contact"]')!.click();
  const deadline = performance.now() + 5000;
  // "Contact us" asks the runtime first (async): the form appears once it answered.
  while (!root.querySelector('form') && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  const nudgeShown = () => Boolean(document.querySelector('wm-nudge')?.shadowRoot?.querySelector('.card')?.matches(':popover-open'));
  while ((!nudgeShown() || !root.querySelector('.error')) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  parent.postMessage(
    { kind: 'wm-csp-help', ready: nudgeShown() && root.querySelector('.error') !== null && help.element.isOpen, violations, errors, actions, strong, injected },
    '*',
  );
  help.dispose();
  renderer.dispose();
}
void run();
