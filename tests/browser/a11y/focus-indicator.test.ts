/**
 * Issue 19, item 7: a surface that takes focus itself shows where focus is. The tour card and the
 * beacon card have their own proofs (tour-journey and beacon tests); this is the checklist panel,
 * opened from its launcher with the keyboard.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChecklistExperience } from '../../../src/config/types.js';
import { createHarness, deepActive, until, type Harness } from '../layouts/harness.js';

const checklist: ChecklistExperience = {
  id: 'setup',
  type: 'checklist',
  title: 'Get set up',
  items: [
    { id: 'a', title: 'Create a project', manual: true },
    { id: 'b', title: 'Invite a teammate', manual: true },
  ],
};

describe('focus indicators', () => {
  let harness: Harness | undefined;
  afterEach(() => {
    harness?.dispose();
    harness = undefined;
  });

  it('the checklist panel, focused when it opens from the keyboard, shows a 2px focus outline', async () => {
    await fixture(html`<main><h1>Dashboard</h1></main>`);
    harness = createHarness();
    harness.show(checklist);
    let element: (HTMLElement & { expanded?: boolean; updateComplete: Promise<unknown> }) | null = null;
    await until(() => (element = document.querySelector('[data-waymark-ui][data-experience="setup"]')) !== null, 'the checklist mounted');
    await element!.updateComplete;
    const launcher = element!.shadowRoot!.querySelector<HTMLButtonElement>('.launcher')!;
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => element!.expanded === true, 'the panel open');
    const panel = element!.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    await until(() => deepActive() === panel, 'focus on the panel');
    expect(panel.matches(':focus-visible'), 'focus shown as keyboard focus').to.equal(true);
    const style = getComputedStyle(panel);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});
