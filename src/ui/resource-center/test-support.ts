/**
 * Test-only fixtures for <wm-resource-center>: `mountCenter()` renders it with fakes for what the
 * runtime hands it (and records the calls), and `window.wmResourceCenterFixture(locale, dark)`
 * renders a full, open center for the screenshot script.
 */
import type { ChecklistExperience } from '../../config/types.js';
import type { GuideEntry, ResourceCenterView, UserAction } from '../../engine/contract.js';
import type { ChecklistView } from '../../engine/index.js';
import type { ComponentContext } from '../shared/context.js';
import { createDismissibleStack, type DismissibleStack } from '../shared/dismissible-stack.js';
import { createTranslator } from '../shared/i18n.js';
import { createSelectorTargets } from '../shared/selector-targets.js';
import type { WmResourceCenter } from './resource-center.js';
import type { CenterAnnouncement, ResourceCenterInput } from './types.js';

export const FIXTURE_CHECKLIST: ChecklistExperience = {
  id: 'setup',
  type: 'checklist',
  title: { en: 'Get Acme Cloud running', ru: 'Запустите Acme Cloud', lt: 'Paleiskite Acme Cloud', ar: 'شغّل Acme Cloud' },
  items: [
    { id: 'account', title: { en: 'Create your account', ru: 'Создайте аккаунт', lt: 'Susikurkite paskyrą', ar: 'أنشئ حسابك' }, initiallyDone: true },
    { id: 'project', title: { en: 'Create a project', ru: 'Создайте проект', lt: 'Sukurkite projektą', ar: 'أنشئ مشروعًا' }, manual: true },
    { id: 'invite', title: { en: 'Invite a teammate', ru: 'Пригласите коллегу', lt: 'Pakvieskite kolegą', ar: 'ادعُ زميلًا' }, manual: true },
  ],
};

export const FIXTURE_GUIDES: GuideEntry[] = [
  { experienceId: 'welcome', type: 'tour', status: 'completed', title: { en: 'Welcome to Acme Cloud', ru: 'Добро пожаловать в Acme Cloud', lt: 'Sveiki atvykę į Acme Cloud', ar: 'مرحبًا بك في Acme Cloud' }, stepCount: 4, lastShownAt: 3 },
  { experienceId: 'billing', type: 'tour', status: 'dismissed', title: { en: 'Billing basics', ru: 'Основы оплаты', lt: 'Mokėjimų pagrindai', ar: 'أساسيات الفوترة' }, stepCount: 3, lastShownAt: 2 },
  { experienceId: 'reports', type: 'tour', status: 'snoozed', title: { en: 'Reports tour', ru: 'Тур по отчётам', lt: 'Ataskaitų turas', ar: 'جولة التقارير' }, stepCount: 2, step: 1, snoozedUntil: 99, lastShownAt: 1 },
];

export const FIXTURE_NEWS: CenterAnnouncement[] = [
  { experienceId: 'dark-mode', title: { en: 'Dark mode is here', ru: 'Появилась тёмная тема', lt: 'Tamsus režimas jau čia', ar: 'الوضع الداكن متاح الآن' } },
];

export const ALL_PARTS: ResourceCenterView = {
  enabled: true,
  position: 'bottom-end',
  checklist: true,
  help: { search: true, suggested: true, contact: true },
  guides: true,
  announcements: true,
};

export interface MountCenterOptions {
  locale?: string;
  dark?: boolean;
  parts?: Partial<ResourceCenterView>;
  guides?: GuideEntry[];
  announcements?: CenterAnnouncement[];
  /** Checklist items done (default: the account); null: no checklist held. */
  done?: string[] | null;
}

export interface MountedCenter {
  element: WmResourceCenter;
  stack: DismissibleStack;
  /** Everything the center called, in order: `open`, `help:<query>`, `contact`, `replay:<id>`, `news:<id>`, `act:<id>:<type>`. */
  calls: string[];
  dispose(): void;
}

export async function mountCenter(options: MountCenterOptions = {}): Promise<MountedCenter> {
  const [{ tagName }, checklistModule] = await Promise.all([import('./define.js'), import('../checklist/define.js')]);
  const locale = options.locale ?? 'en';
  const stack = createDismissibleStack(window);
  const calls: string[] = [];
  const done = new Set(options.done === null ? [] : (options.done ?? ['account']));
  const checklistView = (): ChecklistView => {
    const items = FIXTURE_CHECKLIST.items.map((item) => ({ id: item.id, done: done.has(item.id), locked: false }));
    const count = items.filter((item) => item.done).length;
    return { items, done: count, total: items.length, complete: count === items.length };
  };
  const context: ComponentContext = {
    window,
    translator: createTranslator(locale),
    theme: options.dark ? { mode: 'dark' } : undefined,
    articles: new Map(),
    stack,
    targets: createSelectorTargets(document),
    act(id: string, action: UserAction) {
      calls.push(`act:${id}:${action.type}`);
      if (action.type === 'item-done') done.add(action.item);
      else if (action.type === 'item-undone') done.delete(action.item);
      else return;
      element.input = { ...element.input!, checklist: { ...element.input!.checklist!, view: checklistView() } };
    },
    reportError: (error) => calls.push(`error:${String(error)}`),
  };
  const input: ResourceCenterInput = {
    window,
    locale,
    stack,
    parts: { ...ALL_PARTS, ...options.parts, help: { ...ALL_PARTS.help, ...options.parts?.help } },
    guides: options.guides ?? FIXTURE_GUIDES,
    announcements: options.announcements ?? FIXTURE_NEWS,
    onOpen: () => calls.push('open'),
    openHelp: (query) => calls.push(`help:${query ?? ''}`),
    contact: () => calls.push('contact'),
    replay: (id) => calls.push(`replay:${id}`),
    openAnnouncement: (id) => calls.push(`news:${id}`),
    reportError: (error) => calls.push(`error:${String(error)}`),
  };
  if (options.dark) input.theme = { mode: 'dark' };
  if (options.done !== null) input.checklist = { experience: FIXTURE_CHECKLIST, view: checklistView(), context, tagName: checklistModule.tagName };
  const element = document.createElement(tagName) as WmResourceCenter;
  element.input = input;
  document.body.append(element);
  await element.updateComplete;
  return {
    element,
    stack,
    calls,
    dispose() {
      element.remove();
      stack.dispose();
    },
  };
}

/** A full center, open, for a screenshot. */
async function fixture(locale: string, dark = false): Promise<void> {
  const mounted = await mountCenter({ locale, dark });
  await mounted.element.show();
}

(window as unknown as { wmResourceCenterFixture: typeof fixture }).wmResourceCenterFixture = fixture;
