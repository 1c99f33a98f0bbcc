/**
 * The package root's `createWaymark` is a facade: it returns at once and loads the runtime chunk in the background.
 * Calls made before the runtime is in must behave as if it had been there all along.
 */
import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig, type WaymarkError } from '../index.js';
import { uniqueDb, until } from '../../tests/browser/helpers.js';
import { createFacade, type LoadRuntime } from './facade.js';
import { readOptions } from './guard.js';

const config: WaymarkConfig = {
  version: '1',
  stages: [{ id: 'trial' }, { id: 'paid' }],
  experiences: [{ id: 'guide', type: 'tour', when: { event: 'wm-facade-never-sent' }, steps: [{ title: 'Hello' }, { title: 'Bye' }] }],
};
const tourOnScreen = () => document.querySelector('[data-experience="guide"]');
const databases = async () => (await indexedDB.databases()).map((db) => db.name);
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createWaymark from the package root (a facade over the runtime chunk)', () => {
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
  });

  it('replays the calls made before the runtime is in, in order; start() resolves with the real outcome', async () => {
    wm = createWaymark({ config, user: { id: 'u-facade' }, storage: { kind: 'memory' } });
    // Synchronously, before anything loaded: the user id is known, why() has no answer yet.
    expect(wm.userId).to.equal('u-facade');
    expect(wm.why('guide')).to.equal(null);
    wm.identify('u-facade', { plan: 'pro' });
    const seen: string[] = [];
    wm.on('stage', (event) => seen.push(`stage:${event.to}`));
    wm.setStage('trial');
    wm.on('show', (event) => seen.push(`show:${event.experience.id}`));
    wm.setStage('paid');
    const started = wm.start('guide');
    wm.on('hide', (event) => seen.push(`hide:${event.experienceId}`));
    wm.dismiss('not-this-one');

    expect(await started).to.deep.equal({ shown: true, experienceId: 'guide', step: 0 });
    await wm.ready;
    wm.next();
    wm.next();
    await until(() => seen.includes('hide:guide'), 'next() on the last step completed the tour');
    // One show per step.
    expect(seen).to.deep.equal(['stage:trial', 'stage:paid', 'show:guide', 'show:guide', 'hide:guide']);
    expect(wm.why('guide')).to.not.equal(null);
    // A user switch asked for before load: the new id at once, and the runtime's once it is in.
    const switched = createWaymark({ config, user: { id: 'u-facade-a' }, storage: { kind: 'memory' } });
    switched.identify('u-facade-b');
    expect(switched.userId).to.equal('u-facade-b');
    await switched.ready;
    expect(switched.userId).to.equal('u-facade-b');
    switched.destroy();
  });

  it("an anonymous user's id is known at once and is the one the runtime uses", async () => {
    wm = createWaymark({ config, storage: { kind: 'memory' } });
    const early = wm.userId;
    expect(early).to.match(/^anon-/);
    const ready: string[] = [];
    wm.on('ready', (event) => ready.push(event.userId));
    await wm.ready;
    expect(wm.userId).to.equal(early);
    expect(ready).to.deep.equal([early]);
  });

  it("on()'s disposer works before load: the handler never hears anything", async () => {
    wm = createWaymark({ config, user: { id: 'u-facade-off' }, storage: { kind: 'memory' } });
    const dropped: string[] = [];
    const kept: string[] = [];
    const off = wm.on('show', (event) => dropped.push(event.experience.id));
    wm.on('show', (event) => kept.push(event.experience.id));
    off();
    off();
    expect((await wm.start('guide')).shown).to.equal(true);
    expect(kept).to.deep.equal(['guide']);
    expect(dropped).to.deep.equal([]);
  });

  it('destroy() before load cancels everything: start() resolves as refused, nothing is shown or stored, ready resolves', async () => {
    const dbName = uniqueDb('wm-facade');
    const errors: WaymarkError[] = [];
    wm = createWaymark({ config, user: { id: 'u-facade-gone' }, storage: { dbName } });
    wm.on('error', (error) => errors.push(error));
    const started = wm.start('guide');
    wm.destroy();
    expect(await started).to.include({ shown: false, experienceId: 'guide', reason: 'destroyed' });
    await wm.ready;
    // Calls after destroy do nothing and never throw.
    wm.track('after');
    expect(await wm.start('guide')).to.include({ shown: false, reason: 'destroyed' });
    await settle(300);
    expect(tourOnScreen()).to.equal(null);
    expect(await databases()).to.not.include(dbName);
    expect(wm.why('guide')).to.equal(null);
    expect(errors).to.deep.equal([]);
  });

  it('option problems are still read at once and reported through on() handlers given before load', async () => {
    let reads = 0;
    const options = {
      config,
      storage: { kind: 'memory' as const },
      get locale(): string {
        reads++;
        throw new Error('no locale');
      },
    };
    wm = createWaymark(options);
    expect(reads).to.equal(1);
    const errors: WaymarkError[] = [];
    wm.on('error', (error) => errors.push(error));
    await wm.ready;
    expect(reads).to.equal(1);
    expect(errors.map((e) => [e.code, e.where])).to.deep.equal([['invalid-argument', 'createWaymark']]);
    expect(errors[0]!.message).to.contain('"locale"');
  });

  it('a runtime that cannot load is reported through on("error"), never thrown; start() resolves as refused', async () => {
    const failing: LoadRuntime = () => Promise.reject(new Error('offline'));
    const facade = createFacade(readOptions({ config }), failing, { where: 'createWaymark' }).instance;
    const errors: WaymarkError[] = [];
    facade.on('error', (error) => errors.push(error));
    const started = facade.start('guide');
    facade.track('lost');
    await facade.ready;
    expect(await started).to.include({ shown: false, reason: 'destroyed' });
    expect(errors.map((e) => e.code)).to.deep.equal(['load-failed']);
    expect(errors[0]!.message).to.contain('offline');
    expect(() => facade.destroy()).to.not.throw();
  });
});
