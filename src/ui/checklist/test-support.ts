/**
 * Test-only fixtures for <wm-checklist>: `window.wmChecklistFixture(name)` renders one state for
 * the screenshot script, and loaded as `test-support.ts?csp` (inside a page with a strict CSP and
 * Trusted Types enforced, see csp.browser.test.ts) it drives every state and reports to the parent.
 */
import type { ChecklistExperience } from '../../config/types.js';
import type { ChecklistView } from '../../engine/index.js';
import { createRenderer } from '../index.js';
import type { WmChecklist } from './checklist.js';

export const FIXTURE_LIST: ChecklistExperience = {
  id: 'setup',
  type: 'checklist',
  title: { en: 'Get started', ru: 'Начало работы', lt: 'Pradžia', ar: 'ابدأ هنا' },
  description: { en: 'Five small steps to a **working** workspace.', ar: 'خمس خطوات صغيرة لمساحة عمل جاهزة.' },
  items: [
    { id: 'account', title: { en: 'Create your account', ar: 'أنشئ حسابك' }, initiallyDone: true },
    {
      id: 'project',
      title: { en: 'Create a project', ar: 'أنشئ مشروعًا' },
      description: { en: 'Projects hold your boards and tasks.', ar: 'تضم المشاريع لوحاتك ومهامك.' },
      action: { type: 'url', url: '/projects/new' },
    },
    { id: 'invite', title: { en: 'Invite a teammate', ar: 'ادعُ زميلًا' }, manual: true },
    { id: 'board', title: { en: 'Add a board', ar: 'أضف لوحة' }, dependsOn: ['project'], manual: true },
    { id: 'profile', title: { en: 'Fill in your profile', ar: 'أكمل ملفك الشخصي' }, manual: true },
  ],
};

interface Run {
  element(): Promise<WmChecklist>;
  complete(...ids: string[]): void;
  actions: string[];
  errors: string[];
  dispose(): void;
}

export function runChecklist(experience: ChecklistExperience, options: { done?: string[]; locale?: string; dark?: boolean } = {}): Run {
  const done = new Set(options.done ?? []);
  const actions: string[] = [];
  const errors: string[] = [];
  const view = (): ChecklistView => {
    const items = experience.items.map((item) => ({
      id: item.id,
      done: done.has(item.id),
      locked: !done.has(item.id) && (item.dependsOn ?? []).some((dep) => !done.has(dep)),
    }));
    const count = items.filter((item) => item.done).length;
    return { items, done: count, total: items.length, complete: count === items.length };
  };
  const renderer = createRenderer({
    window,
    locale: options.locale ?? 'en',
    articles: new Map(),
    act(id, action) {
      actions.push(`${id}:${action.type}`);
      if (action.type === 'item-done') done.add(action.item);
      else if (action.type === 'item-undone') done.delete(action.item);
      else return;
      renderer.show({ experience, checklist: view() });
    },
    reportError: (error, where) => errors.push(`${where}: ${String(error)}`),
  });
  renderer.show({ experience, checklist: view() });
  return {
    async element() {
      const deadline = performance.now() + 5000;
      let found: WmChecklist | null = null;
      while (!(found = document.querySelector<WmChecklist>('[data-experience]')) && performance.now() < deadline) await frame();
      if (!found) throw new Error('checklist not mounted');
      if (options.dark) found.dataset.mode = 'dark';
      await found.updateComplete;
      return found;
    },
    complete(...ids) {
      for (const id of ids) done.add(id);
      renderer.show({ experience, checklist: view() });
    },
    actions,
    errors,
    dispose: () => renderer.dispose(),
  };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function open(element: WmChecklist): Promise<void> {
  element.shadowRoot!.querySelector<HTMLButtonElement>('.launcher')!.click();
  await element.updateComplete;
}

/** Render one named state for a screenshot. */
async function fixture(name: string): Promise<void> {
  const locale = name.startsWith('rtl') ? 'ar' : name.startsWith('ru') ? 'ru' : 'en';
  const dark = name.startsWith('dark');
  if (name.startsWith('inline')) {
    const slot = document.createElement('wm-checklist');
    slot.setAttribute('experience-id', 'setup');
    document.body.append(slot);
    await import('./define.js');
    const run = runChecklist({ ...FIXTURE_LIST, launcher: 'inline' }, { done: ['account', 'invite'] });
    await run.element();
    while (!slot.shadowRoot?.querySelector('.launcher, .panel')) await frame();
    if (name === 'inline-minimized') slot.shadowRoot.querySelector<HTMLButtonElement>('[part="minimize"]')!.click();
    return;
  }
  const run = runChecklist(FIXTURE_LIST, { done: ['account', 'invite'], locale, dark });
  const element = await run.element();
  if (name === 'launcher') return;
  if (name === 'celebration') {
    await open(element);
    run.complete('project', 'board', 'profile');
    await element.updateComplete;
    return;
  }
  await open(element);
}

/** Under a strict CSP: every state once, then report violations and what happened. */
async function runCsp(): Promise<void> {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
  const hostile: ChecklistExperience = {
    ...FIXTURE_LIST,
    title: 'Start <img src=x onerror=alert(1)>',
    items: [...FIXTURE_LIST.items.slice(0, 4), { id: 'profile', title: '<b>Profile</b>', description: '**Bold** [link](https://example.com)', manual: true }],
  };
  const run = runChecklist(hostile, { done: ['account'] });
  const element = await run.element();
  const root = element.shadowRoot!;
  await open(element);
  root.querySelector<HTMLInputElement>('li[data-item="invite"] input')!.click();
  await element.updateComplete;
  run.complete('project', 'board', 'profile');
  await element.updateComplete;
  const celebrating = root.querySelector('.celebration.celebrating') !== null;
  const panelOpen = root.querySelector('.panel')?.matches(':popover-open') ?? false;
  const ringOffset = root.querySelector('.ring-value')?.getAttribute('stroke-dashoffset') ?? null;
  const injected = root.querySelector('img') !== null || root.querySelector('.item-title b') !== null;
  const strong = root.querySelector('li[data-item="profile"] strong')?.textContent ?? null;
  parent.postMessage({ kind: 'wm-csp-checklist', violations, errors: run.errors, actions: run.actions, celebrating, panelOpen, ringOffset, injected, strong }, '*');
  run.dispose();
}

(window as unknown as { wmChecklistFixture: typeof fixture }).wmChecklistFixture = fixture;
// esbuild's iife bundle (the screenshot script) has no import.meta.url: only a module page runs the CSP check.
const url = typeof import.meta.url === 'string' ? new URL(import.meta.url) : null;
if (url?.searchParams.has('csp')) void runCsp();
