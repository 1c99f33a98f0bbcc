import { expect } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ChecklistExperience } from '../../config/types.js';
import type { UserAction } from '../../engine/contract.js';
import type { ChecklistView } from '../../engine/index.js';
import { createRenderer, type ExperienceRenderer } from '../index.js';
import { WmActionEvent } from '../shared/events.js';
import { axeViolations, deepActive, until } from '../../../tests/browser/layouts/harness.js';
import type { WmChecklist } from './checklist.js';
import { ringStroke } from './progress.js';

/**
 * A stand-in for the engine's checklist machine: done items, locks from `dependsOn` and
 * `strictOrder`, manual ticks, and a fresh view re-sent on every change.
 */
interface Bench {
  renderer: ExperienceRenderer;
  actions: UserAction[];
  /** Actions on other experiences shown by the same renderer, as `id:type`. */
  others: string[];
  /** Mark items done from outside (as a condition would), re-sending the view. */
  complete(...ids: string[]): void;
  element(): Promise<WmChecklist>;
  root(): Promise<ShadowRoot>;
  dispose(): void;
}

function setup(experience: ChecklistExperience, options: { done?: string[]; locale?: string } = {}): Bench {
  const done = new Set(options.done ?? []);
  const actions: UserAction[] = [];
  const others: string[] = [];
  let hidden = false;
  const view = (): ChecklistView => {
    const items = experience.items.map((item, index) => {
      const deps = [...(item.dependsOn ?? []), ...(experience.strictOrder && index > 0 ? [experience.items[index - 1]!.id] : [])];
      return { id: item.id, done: done.has(item.id), locked: !done.has(item.id) && deps.some((dep) => !done.has(dep)) };
    });
    const count = items.filter((item) => item.done).length;
    return { items, done: count, total: items.length, complete: count === items.length };
  };
  const send = () => {
    if (!hidden) renderer.show({ experience, checklist: view() });
  };
  const renderer = createRenderer({
    window,
    locale: options.locale ?? 'en',
    articles: new Map(),
    act(id, action) {
      if (id !== experience.id) {
        // Another experience on the same renderer (a tour over the list): it just goes away.
        others.push(`${id}:${action.type}`);
        if (action.type === 'dismiss') renderer.hide(id, 'dismissed');
        return;
      }
      actions.push(action);
      if (action.type === 'item-done') done.add(action.item);
      else if (action.type === 'item-undone') done.delete(action.item);
      else if (action.type === 'dismiss' || action.type === 'complete') {
        hidden = true;
        renderer.hide(experience.id, action.type === 'dismiss' ? 'dismissed' : 'completed');
        return;
      } else return;
      send();
    },
    reportError(error) {
      throw error;
    },
  });
  send();
  const element = async () => {
    let found: WmChecklist | null = null;
    await until(() => (found = document.querySelector<WmChecklist>(`[data-experience="${experience.id}"]`)) !== null, 'checklist mounted');
    await found!.updateComplete;
    return found!;
  };
  return {
    renderer,
    actions,
    others,
    complete(...ids) {
      for (const id of ids) done.add(id);
      send();
    },
    element,
    root: async () => (await element()).shadowRoot!,
    dispose: () => renderer.dispose(),
  };
}

const SETUP: ChecklistExperience = {
  id: 'setup',
  type: 'checklist',
  title: 'Get started',
  description: 'Five small steps to a working workspace.',
  items: [
    { id: 'account', title: 'Create your account', initiallyDone: true },
    { id: 'project', title: 'Create a project', description: 'Projects hold your boards.', action: { type: 'url', url: '/projects/new' } },
    { id: 'invite', title: 'Invite a teammate', manual: true },
    { id: 'board', title: 'Add a board', dependsOn: ['project'], manual: true },
    { id: 'profile', title: 'Fill in your profile', manual: true },
  ],
};

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const panelOf = (root: ShadowRoot) => root.querySelector<HTMLElement>('.panel')!;
const launcherOf = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('.launcher')!;
const itemOf = (root: ShadowRoot, id: string) => root.querySelector<HTMLLIElement>(`li[data-item="${id}"]`)!;
const liveText = (root: ShadowRoot) => text(root.querySelector('[aria-live="polite"]'));

async function settle(element: WmChecklist): Promise<void> {
  await element.updateComplete;
  await element.updateComplete;
}

async function clickCenter(node: Element): Promise<void> {
  const rect = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

async function expectAccessible(element: Element): Promise<void> {
  expect(await axeViolations(element)).to.deep.equal([]);
}

describe('<wm-checklist>', () => {
  let bench: Bench | undefined;
  let before: HTMLButtonElement | undefined;

  beforeEach(() => {
    before = document.createElement('button');
    before.textContent = 'Page button';
    document.body.append(before);
  });

  afterEach(async () => {
    bench?.dispose();
    bench = undefined;
    before?.remove();
    document.querySelectorAll('wm-checklist').forEach((node) => node.remove());
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('renders a floating launcher with "1 of 5" and a ring filled to that fraction, panel closed, and reports shown', async () => {
    bench = setup(SETUP, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    const launcher = launcherOf(root);
    expect(text(launcher)).to.equal('Get started 1 of 5');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    const value = root.querySelector('.ring-value')!;
    const expected = ringStroke(1, 5, 15);
    expect(Number(value.getAttribute('stroke-dasharray'))).to.be.closeTo(expected.circumference, 0.01);
    expect(Number(value.getAttribute('stroke-dashoffset'))).to.be.closeTo(expected.circumference * 0.8, 0.01);
    expect(panelOf(root).matches(':popover-open')).to.equal(false);
    // Pinned bottom-end (right in LTR) in the top layer.
    const rect = root.querySelector('.launcher-layer')!.getBoundingClientRect();
    expect(rect.right).to.be.greaterThan(innerWidth - 40);
    expect(rect.bottom).to.be.greaterThan(innerHeight - 40);
    expect(bench.actions).to.deep.equal([{ type: 'shown' }]);
    await expectAccessible(element);
  });

  it('opens and minimizes from the keyboard: focus moves into the panel and back to the launcher, Escape minimizes', async () => {
    bench = setup(SETUP, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    before!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(launcherOf(root));
    await sendKeys({ press: 'Enter' });
    await settle(element);
    const panel = panelOf(root);
    expect(panel.matches(':popover-open')).to.equal(true);
    expect(launcherOf(root).getAttribute('aria-expanded')).to.equal('true');
    expect(deepActive()).to.equal(panel);
    expect(panel.getAttribute('aria-labelledby')).to.equal('wm-title');
    await expectAccessible(element);
    // Tab walks the panel's own controls: minimize, dismiss, then the first task's button.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('part')).to.equal('minimize');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('part')).to.equal('dismiss');
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Start: Create a project');
    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(panel.matches(':popover-open')).to.equal(false);
    expect(deepActive()).to.equal(launcherOf(root));
    // Restore with Space, minimize with the button: both are local and report nothing.
    await sendKeys({ press: 'Space' });
    await settle(element);
    expect(panel.matches(':popover-open')).to.equal(true);
    root.querySelector<HTMLButtonElement>('[part="minimize"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(panel.matches(':popover-open')).to.equal(false);
    expect(deepActive()).to.equal(launcherOf(root));
    expect(bench.actions).to.deep.equal([{ type: 'shown' }]);
  });

  it('lists tasks in a real list with their state, descriptions, and locked tasks with the reason', async () => {
    bench = setup({ ...SETUP, strictOrder: false }, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    launcherOf(root).click();
    await settle(element);
    const list = root.querySelector('ul[role="list"]')!;
    expect(list.querySelectorAll(':scope > li')).to.have.length(5);
    const account = itemOf(root, 'account').querySelector('[role="checkbox"]')!;
    expect(account.getAttribute('aria-checked')).to.equal('true');
    const project = itemOf(root, 'project').querySelector('[role="checkbox"]')!;
    expect(project.getAttribute('aria-checked')).to.equal('false');
    expect(text(root.getElementById(project.getAttribute('aria-describedby')!))).to.equal('Projects hold your boards.');
    const board = itemOf(root, 'board');
    const boardBox = board.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(boardBox.getAttribute('aria-disabled')).to.equal('true');
    expect(text(board.querySelector('.reason'))).to.equal('Complete “Create a project” first');
    expect(text(root.getElementById(boardBox.getAttribute('aria-describedby')!))).to.equal('Complete “Create a project” first');
    expect(board.querySelector('button')).to.equal(null);
    const bar = root.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('1');
    expect(bar.getAttribute('aria-valuemax')).to.equal('5');
    expect(bar.getAttribute('aria-valuetext')).to.equal('1 of 5');
    await expectAccessible(element);
  });

  it('strict order locks every task behind the first unfinished one', async () => {
    bench = setup({ ...SETUP, strictOrder: true }, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    launcherOf(root).click();
    await settle(element);
    expect(itemOf(root, 'project').querySelector('.reason')).to.equal(null);
    expect(text(itemOf(root, 'invite').querySelector('.reason'))).to.equal('Complete “Create a project” first');
    expect(text(itemOf(root, 'profile').querySelector('.reason'))).to.equal('Complete “Create a project” first');
  });

  it('reports manual ticks from the mouse and Space, and announces each progress change', async () => {
    bench = setup(SETUP, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    launcherOf(root).click();
    await settle(element);
    const invite = itemOf(root, 'invite').querySelector<HTMLInputElement>('input')!;
    await clickCenter(invite);
    await settle(element);
    expect(bench.actions.at(-1)).to.deep.equal({ type: 'item-done', item: 'invite' });
    expect(invite.checked).to.equal(true);
    expect(liveText(root)).to.equal('Task done: Invite a teammate. 2 of 5 complete.');
    expect(text(launcherOf(root))).to.equal('Get started 2 of 5');
    // A condition completes a task: announced the same way.
    bench.complete('project');
    await settle(element);
    expect(liveText(root)).to.equal('Task done: Create a project. 3 of 5 complete.');
    // Untick with the keyboard.
    invite.focus();
    await sendKeys({ press: 'Space' });
    await settle(element);
    expect(bench.actions.at(-1)).to.deep.equal({ type: 'item-undone', item: 'invite' });
    expect(invite.checked).to.equal(false);
    expect(liveText(root)).to.equal('Task not done: Invite a teammate. 2 of 5 complete.');
    await expectAccessible(element);
  });

  it('does not tick a locked task, and shows the engine state when the host vetoes a tick', async () => {
    bench = setup(SETUP, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    launcherOf(root).click();
    await settle(element);
    const board = itemOf(root, 'board').querySelector<HTMLInputElement>('input')!;
    await clickCenter(board);
    await settle(element);
    expect(board.checked).to.equal(false);
    expect(bench.actions).to.deep.equal([{ type: 'shown' }]);
    const veto = (event: WmActionEvent) => event.preventDefault();
    element.addEventListener('wm-action', veto);
    const invite = itemOf(root, 'invite').querySelector<HTMLInputElement>('input')!;
    await clickCenter(invite);
    await settle(element);
    element.removeEventListener('wm-action', veto);
    expect(invite.checked).to.equal(false);
    expect(bench.actions).to.deep.equal([{ type: 'shown' }]);
  });

  it('Escape closes only the topmost layer: a tour shown over the open panel first, then the panel', async () => {
    bench = setup(SETUP, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    launcherOf(root).click();
    await settle(element);
    bench.renderer.show({ experience: { id: 'tour', type: 'tour', steps: [{ title: 'Welcome', body: 'Over the list.' }] }, step: 0 });
    await until(() => document.querySelector('[data-experience="tour"]')?.shadowRoot?.querySelector('dialog')?.matches(':modal') === true, 'tour shown');
    await sendKeys({ press: 'Escape' });
    await until(() => document.querySelector('[data-experience="tour"]') === null, 'tour dismissed');
    expect(bench.others).to.include('tour:dismiss');
    expect(panelOf(root).matches(':popover-open')).to.equal(true);
    root.querySelector<HTMLButtonElement>('[part="minimize"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await settle(element);
    expect(panelOf(root).matches(':popover-open')).to.equal(false);
    expect(bench.actions).to.deep.equal([{ type: 'shown' }]);
  });

  it('with celebrate: false the finished list offers its close, without confetti or animation', async () => {
    bench = setup({ ...SETUP, celebrate: false }, { done: ['account', 'project', 'invite', 'board'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    bench.complete('profile');
    await settle(element);
    const celebration = root.querySelector('.celebration')!;
    expect(celebration.classList.contains('celebrating')).to.equal(false);
    expect(root.querySelector('.confetti')).to.equal(null);
    await clickCenter(celebration.querySelector('button')!);
    expect(bench.actions.at(-1)).to.deep.equal({ type: 'complete' });
  });

  it("reports a task's action button", async () => {
    bench = setup(SETUP, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    launcherOf(root).click();
    await settle(element);
    await clickCenter(itemOf(root, 'project').querySelector('button')!);
    expect(bench.actions.at(-1)).to.deep.equal({ type: 'button', action: { type: 'url', url: '/projects/new' } });
  });

  it('celebrates when the list becomes complete, and its close reports complete', async () => {
    bench = setup(SETUP, { done: ['account', 'project', 'invite', 'board'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    launcherOf(root).click();
    await settle(element);
    expect(root.querySelector('.celebration')).to.equal(null);
    const profile = itemOf(root, 'profile').querySelector<HTMLInputElement>('input')!;
    profile.focus();
    await sendKeys({ press: 'Space' });
    await settle(element);
    const celebration = root.querySelector('.celebration')!;
    expect(celebration.classList.contains('celebrating')).to.equal(true);
    expect(root.querySelectorAll('.confetti i')).to.have.length(12);
    expect(getComputedStyle(root.querySelector('.confetti')!).display).to.equal('block');
    expect(text(celebration.querySelector('h3'))).to.equal('All done!');
    expect(liveText(root)).to.equal('Task done: Fill in your profile. 5 of 5 complete. All done! You completed every task in “Get started”.');
    // The user was working in the list: focus follows to the celebration's close.
    expect(deepActive()).to.equal(celebration.querySelector('button'));
    await expectAccessible(element);
    await sendKeys({ press: 'Enter' });
    expect(bench.actions.at(-1)).to.deep.equal({ type: 'complete' });
    expect(document.querySelector('[data-experience="setup"]')).to.equal(null);
  });

  it('opens a completed list by itself, with no confetti under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    bench = setup(SETUP, { done: ['account', 'project', 'invite', 'board'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    bench.complete('profile');
    await settle(element);
    expect(panelOf(root).matches(':popover-open')).to.equal(true);
    // Not moved: focus stays where the user is when the list completes on its own.
    expect(deepActive()).to.not.equal(root.querySelector('.celebration button'));
    expect(getComputedStyle(root.querySelector('.confetti')!).display).to.equal('none');
    const path = root.querySelector('.check path')!;
    expect(getComputedStyle(path).animationName).to.equal('none');
  });

  it('dismiss reports dismiss; minimize and restore report nothing', async () => {
    bench = setup(SETUP, { done: ['account'] });
    const element = await bench.element();
    const root = element.shadowRoot!;
    await clickCenter(launcherOf(root));
    await settle(element);
    await clickCenter(root.querySelector('[part="minimize"]')!);
    await settle(element);
    await clickCenter(launcherOf(root));
    await settle(element);
    expect(bench.actions).to.deep.equal([{ type: 'shown' }]);
    await clickCenter(root.querySelector('[part="dismiss"]')!);
    expect(bench.actions).to.deep.equal([{ type: 'shown' }, { type: 'dismiss' }]);
    expect(document.querySelector('[data-experience="setup"]')).to.equal(null);
  });

  it('renders inline where the page placed <wm-checklist experience-id>, and floats when there is none', async () => {
    await import('./define.js');
    const slot = document.createElement('wm-checklist');
    slot.setAttribute('experience-id', 'setup');
    const heading = document.createElement('h1');
    heading.textContent = 'Dashboard';
    document.body.append(heading, slot);
    bench = setup({ ...SETUP, launcher: 'inline' }, { done: ['account'] });
    const mounted = await bench.element();
    await until(() => slot.shadowRoot?.querySelector('.panel') !== null && slot.shadowRoot?.querySelector('.panel') !== undefined, 'inline panel');
    expect(mounted.shadowRoot!.childElementCount).to.equal(0);
    const root = slot.shadowRoot!;
    // In the flow of the page, right after the heading, open from the start.
    expect(slot.getBoundingClientRect().top).to.be.at.least(heading.getBoundingClientRect().bottom - 1);
    expect(text(root.querySelector('h2'))).to.equal('Get started');
    expect(root.querySelector('[popover]')).to.equal(null);
    await expectAccessible(slot);
    root.querySelector<HTMLButtonElement>('[part="minimize"]')!.click();
    await settle(slot);
    expect(root.querySelector('.panel')).to.equal(null);
    expect(text(launcherOf(root))).to.equal('Get started 1 of 5');
    expect(deepActive()).to.equal(launcherOf(root));
    await expectAccessible(slot);
    await sendKeys({ press: 'Enter' });
    await settle(slot);
    expect(deepActive()).to.equal(panelOf(root));
    // Progress reaches the placeholder too.
    bench.complete('project');
    await settle(slot);
    expect(liveText(root)).to.equal('Task done: Create a project. 2 of 5 complete.');
    bench.renderer.hide('setup', 'dismissed');
    await settle(slot);
    expect(root.querySelector('.panel')).to.equal(null);
    expect(slot.isConnected).to.equal(true);
    heading.remove();
  });

  it('floats while an inline checklist has no placeholder, and moves into one the page renders later', async () => {
    bench = setup({ ...SETUP, id: 'later', launcher: 'inline' }, { done: ['account'] });
    const element = await bench.element();
    expect(element.shadowRoot!.querySelector('.launcher-layer')!.matches(':popover-open')).to.equal(true);
    const slot = document.createElement('wm-checklist');
    slot.setAttribute('experience-id', 'later');
    document.body.append(slot);
    await until(() => Boolean(slot.shadowRoot?.querySelector('.panel')), 'moved inline');
    await settle(element);
    expect(element.shadowRoot!.querySelector('.launcher-layer')).to.equal(null);
    expect(text(slot.shadowRoot!.querySelector('[role="progressbar"]')?.nextElementSibling)).to.equal('1 of 5');
  });

  it('mirrors in Arabic (RTL, bottom-start on the left for bottom-end) and is axe-clean open', async () => {
    bench = setup(SETUP, { done: ['account'], locale: 'ar' });
    const element = await bench.element();
    const root = element.shadowRoot!;
    const layer = root.querySelector<HTMLElement>('.launcher-layer')!;
    expect(layer.getAttribute('dir')).to.equal('rtl');
    expect(layer.getBoundingClientRect().left).to.be.lessThan(40);
    const number = new Intl.NumberFormat('ar');
    expect(text(launcherOf(root).querySelector('.count'))).to.equal(`${number.format(1)} من ${number.format(5)}`);
    launcherOf(root).click();
    await settle(element);
    expect(panelOf(root).getBoundingClientRect().left).to.be.lessThan(40);
    await expectAccessible(element);
  });

  it('speaks Russian and Lithuanian', async () => {
    bench = setup(SETUP, { done: ['account'], locale: 'ru' });
    let element = await bench.element();
    let root = element.shadowRoot!;
    expect(text(launcherOf(root).querySelector('.count'))).to.equal('1 из 5');
    launcherOf(root).click();
    await settle(element);
    expect(text(itemOf(root, 'board').querySelector('.reason'))).to.equal('Сначала выполните «Create a project»');
    expect(root.querySelector('[part="minimize"]')!.getAttribute('aria-label')).to.equal('Свернуть список задач');
    bench.complete('invite');
    await settle(element);
    expect(liveText(root)).to.equal('Задача выполнена: Invite a teammate. Выполнено 2 из 5.');
    bench.dispose();

    bench = setup(SETUP, { done: ['account'], locale: 'lt' });
    element = await bench.element();
    root = element.shadowRoot!;
    expect(text(launcherOf(root).querySelector('.count'))).to.equal('1 iš 5');
    launcherOf(root).click();
    await settle(element);
    expect(text(itemOf(root, 'board').querySelector('.reason'))).to.equal('Pirmiausia atlikite „Create a project“');
    expect(root.querySelector('[part="dismiss"]')!.getAttribute('aria-label')).to.equal('Uždaryti užduočių sąrašą');
    await expectAccessible(element);
  });
});
