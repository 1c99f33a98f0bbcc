import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkError } from '../../src/index.js';
import { nextEvent, until } from './helpers.js';

describe('declarative experiences in the page', () => {
  let wm: Waymark | undefined;
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    // Static test markup, as a developer would write it in their HTML.
    host.innerHTML = `
      <button id="wm-decl-target">Invite</button>
      <wm-tour id="decl-tour" show="once">
        <wm-step title="Hello from HTML">Written **in the page**.</wm-step>
        <wm-step target="#wm-decl-target" title="Invite your team">They join in one click.</wm-step>
      </wm-tour>
      <wm-hint id="decl-hint" target="#wm-decl-target" open-on="click">A hint from HTML</wm-hint>
      <wm-tour><wm-step>no id, no title</wm-step></wm-tour>
      <wm-checklist experience-id="decl-list" title="Get started">
        <wm-task id="invite" title="Invite a teammate" event="teammate_invited"></wm-task>
      </wm-checklist>`;
    document.body.append(host);
  });
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    host.remove();
  });

  it('compiles <wm-tour> and <wm-hint> into experiences that run like JSON ones, and reports broken markup', async () => {
    const errors: WaymarkError[] = [];
    wm = createWaymark({ config: { version: '1', experiences: [] }, user: { id: 'u-decl' }, storage: { kind: 'memory' } });
    wm.on('error', (e) => errors.push(e));
    const shown = await nextEvent(wm, 'show', (e) => e.experience.id === 'decl-tour');
    expect(shown.experience.type).to.equal('tour');
    expect(wm.why('decl-hint')).to.not.equal(null);
    expect(wm.why('decl-list')).to.not.equal(null);
    await until(() => {
      const tour = [...document.querySelectorAll<HTMLElement & { panel?: HTMLElement }>('wm-tour[data-waymark-ui]')][0];
      return tour?.panel?.querySelector('.title')?.textContent?.trim() === 'Hello from HTML';
    }, 'the declared tour rendered');
    expect(errors.some((e) => e.where === 'declarative' && e.message.includes('id'))).to.equal(true);
  });
});
