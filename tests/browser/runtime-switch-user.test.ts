import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { nextEvent, record, uniqueDb, until } from './helpers.js';

/** Admins and members each get their own tour; neither applies to the other. */
const config: WaymarkConfig = {
  version: '1',
  experiences: [
    { id: 'admin-tour', type: 'tour', when: { trait: 'role', equals: 'admin' }, steps: [{ title: 'Manage your team' }, { title: 'Billing' }] },
    { id: 'member-tour', type: 'tour', when: { trait: 'role', equals: 'member' }, steps: [{ title: 'Your first project' }] },
  ],
};

const tourOnScreen = (id: string) => document.querySelector(`wm-tour[data-experience="${id}"]`);

describe('runtime: switching users takes the previous user’s experiences off the screen', () => {
  let wm: Waymark | undefined;
  /** The instance and its tour on screen, from this test (not an element a previous test's renderer is still removing). */
  async function adminOnScreen(userId: string, storage: { dbName: string } | { kind: 'memory' }): Promise<Waymark> {
    const instance = createWaymark({ config, user: { id: userId, traits: { role: 'admin' } }, storage });
    await nextEvent(instance, 'show', (e) => e.experience.id === 'admin-tour');
    await until(() => tourOnScreen('admin-tour') !== null, "the admin's tour on screen");
    return instance;
  }
  afterEach(async () => {
    wm?.destroy();
    wm = undefined;
    await until(() => document.querySelector('wm-tour') === null, 'destroy() to remove every tour');
  });

  it('identify() to a user the shown tour does not apply to removes its element', async () => {
    wm = await adminOnScreen('u-admin', { dbName: uniqueDb() });
    const hides = record(wm, 'hide');

    const memberShown = nextEvent(wm, 'show', (e) => e.experience.id === 'member-tour');
    wm.identify('u-member', { role: 'member' });
    await memberShown;

    await until(() => tourOnScreen('member-tour') !== null, "the member's tour on screen");
    await until(() => tourOnScreen('admin-tour') === null, "the admin's tour gone from the page");
    expect(hides.map((h) => h.experienceId)).to.deep.equal(['admin-tour']);
    expect(document.querySelectorAll('wm-tour').length, 'one tour on screen').to.equal(1);
  });

  it('identify() to a user with nothing to show leaves no Waymark element behind', async () => {
    wm = await adminOnScreen('u-admin-2', { kind: 'memory' });
    const hidden = nextEvent(wm, 'hide', (e) => e.experienceId === 'admin-tour');
    wm.identify('u-guest', { role: 'guest' });
    await hidden;
    await until(() => document.querySelector('wm-tour') === null, 'no tour left on the page');
  });

  it('identify() twice in a row: what the first switch showed leaves the screen when the second lands', async () => {
    wm = createWaymark({ config, user: { id: 'u-nobody' }, storage: { dbName: uniqueDb() } });
    await wm.ready;
    const adminShown = nextEvent(wm, 'show', (e) => e.experience.id === 'admin-tour');
    const memberShown = nextEvent(wm, 'show', (e) => e.experience.id === 'member-tour');
    wm.identify('u-twice-admin', { role: 'admin' });
    wm.identify('u-twice-member', { role: 'member' });
    // The switches run in order: the admin's state loads (and shows its tour) before the member's replaces it.
    await adminShown;
    await memberShown;
    await until(() => tourOnScreen('member-tour') !== null, "the member's tour on screen");
    await until(() => tourOnScreen('admin-tour') === null, "the admin's tour gone from the page");
    expect(wm.userId).to.equal('u-twice-member');
  });

  it('identify() from an anonymous user mid-tour: the tour carries over and stays on screen (the same element, no flicker)', async () => {
    const tourOnly: WaymarkConfig = { version: '1', experiences: [{ id: 'welcome', type: 'tour', steps: [{ title: 'One' }, { title: 'Two' }] }] };
    wm = createWaymark({ config: tourOnly, storage: { dbName: uniqueDb() } });
    await nextEvent(wm, 'show');
    await until(() => tourOnScreen('welcome') !== null, 'the tour on screen');
    const element = tourOnScreen('welcome');
    const atStep1 = nextEvent(wm, 'show', (e) => e.step === 1);
    wm.act('welcome', { type: 'next' });
    await atStep1;
    const resumed = nextEvent(wm, 'show', (e) => e.step === 1);
    wm.identify('u-signed-in');
    await resumed;
    await new Promise((r) => setTimeout(r, 100));
    // Compared as a boolean: a failing equality on elements would make chai print two whole Lit elements.
    expect(tourOnScreen('welcome') === element, 'still the element the user was using').to.equal(true);
  });

  it('reset() takes off the screen what only the forgotten progress qualified for', async () => {
    const afterInvite: WaymarkConfig = {
      version: '1',
      experiences: [{ id: 'invite-tour', type: 'tour', when: { event: 'teammate_invited' }, steps: [{ title: 'Your team' }] }],
    };
    wm = createWaymark({ config: afterInvite, user: { id: 'u-reset' }, storage: { dbName: uniqueDb() } });
    await wm.ready;
    const shown = nextEvent(wm, 'show', (e) => e.experience.id === 'invite-tour');
    wm.track('teammate_invited');
    await shown;
    await until(() => tourOnScreen('invite-tour') !== null, 'the tour on screen');
    const first = tourOnScreen('invite-tour');
    const hidden = nextEvent(wm, 'hide', (e) => e.experienceId === 'invite-tour');
    wm.reset();
    await hidden;
    // The fresh state has no 'teammate_invited' event: the tour no longer applies, and its element must go.
    await until(() => tourOnScreen('invite-tour') === null, 'the tour gone after reset');
    expect(first!.isConnected).to.equal(false);
  });

  it('reset() forgets progress, not who the user is: a trait-gated tour starts over, on the same element', async () => {
    wm = await adminOnScreen('u-reset-traits', { dbName: uniqueDb() });
    const element = tourOnScreen('admin-tour');
    const atStep1 = nextEvent(wm, 'show', (e) => e.experience.id === 'admin-tour' && e.step === 1);
    wm.act('admin-tour', { type: 'next' });
    await atStep1;
    const startedOver = nextEvent(wm, 'show', (e) => e.experience.id === 'admin-tour' && (e.step ?? 0) === 0);
    wm.reset();
    await startedOver;
    await new Promise((r) => setTimeout(r, 100));
    expect(tourOnScreen('admin-tour') === element, 'still the element on screen').to.equal(true);
  });
});
