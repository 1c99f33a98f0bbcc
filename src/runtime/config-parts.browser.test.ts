/**
 * Condition kinds beyond pages, events and experience states are a chunk the runtime loads only for configs that use
 * them. An experience added in code on a page whose config had none must behave as if it had been in the config.
 */
import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark } from '../index.js';
import { record, until } from '../../tests/browser/helpers.js';

const tour = (id: string) => document.querySelector(`wm-tour[data-experience="${id}"]`);

describe('condition kinds loaded per config', () => {
  let wm: Waymark | null = null;
  afterEach(async () => {
    wm?.destroy();
    wm = null;
    await until(() => document.querySelector('wm-tour') === null, 'the tour removed');
  });

  it('a tour added in code with a trait condition, on a page whose config has no such condition, shows when the trait holds', async () => {
    wm = createWaymark({
      config: { version: '1', experiences: [{ id: 'later', type: 'tour', when: { event: 'never-sent' }, steps: [{ title: 'Later' }] }] },
      user: { id: 'u-conditions', traits: { plan: 'pro' } },
      storage: { kind: 'memory' },
    });
    const errors = record(wm, 'error');
    await wm.ready;
    wm.addExperience({ id: 'pro-tip', type: 'tour', when: { trait: 'plan', equals: 'pro' }, steps: [{ title: 'For pro plans' }] });
    await until(() => tour('pro-tip') !== null, 'the tour whose trait condition holds');
    const why = wm.why('pro-tip')!;
    expect(why.checks.find((check) => check.check === 'trigger')).to.deep.include({ ok: true, detail: 'condition holds' });
    expect(errors).to.deep.equal([]);
  });
});
