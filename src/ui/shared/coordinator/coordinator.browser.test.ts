/** The coordinator notices the page's own modal however it appears, without searching the page on every style change. */
import { expect, fixture, html } from '@open-wc/testing';
import { nextFrame, until } from '../../../../tests/browser/layouts/harness.js';
import { createSurfaceCoordinator, type SurfaceCoordinator } from './coordinator.js';

describe('surface coordinator and the host page', () => {
  let coordinator: SurfaceCoordinator | null = null;
  afterEach(() => {
    coordinator?.dispose();
    coordinator = null;
  });

  async function anchoredSurface(): Promise<{ host: HTMLElement; modal: HTMLElement; dialog: HTMLDialogElement }> {
    const root = await fixture<HTMLElement>(html`<div>
      <div id="surface"><div id="box" style="position:fixed;left:10px;top:10px;width:50px;height:20px"></div></div>
      <div id="modal" role="dialog" aria-modal="true" style="display:none">Host modal</div>
      <dialog id="dialog">Host dialog</dialog>
    </div>`);
    const host = root.querySelector<HTMLElement>('#surface')!;
    coordinator = createSurfaceCoordinator(window);
    coordinator.register(host, { kind: 'popover', boxes: () => [root.querySelector('#box')] });
    return { host, modal: root.querySelector<HTMLElement>('#modal')!, dialog: root.querySelector<HTMLDialogElement>('#dialog')! };
  }

  const asideNow = (host: HTMLElement) => host.hasAttribute('data-wm-stepped-aside');

  /** Whether this page has fetched the coordinator's arrangement (corners, banners, beside an opener, debug). */
  const arrangementFetched = () => performance.getEntriesByType('resource').some((entry) => /\/coordinator\/arranged\.[jt]s/.test(entry.name));

  /** A host whose one fixed box sits in the bottom-end corner. */
  async function cornerSurface(name: string): Promise<{ host: HTMLElement; box: HTMLElement }> {
    const host = await fixture<HTMLElement>(html`<div data-name=${name}><div style="position:fixed;right:20px;bottom:20px;width:200px;height:100px"></div></div>`);
    return { host, box: host.firstElementChild as HTMLElement };
  }
  const overlap = (a: HTMLElement, b: HTMLElement) => {
    const [r, s] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
    return r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom;
  };

  // First in this file: the page has not loaded the arrangement for any other test yet.
  it('a step card and a modal alone never load the arrangement of floating surfaces', async () => {
    const { host } = await anchoredSurface();
    const modal = await fixture<HTMLElement>(html`<div></div>`);
    const slot = coordinator!.register(modal, { kind: 'modal', boxes: () => [] });
    const target = await fixture<HTMLElement>(html`<button>Target</button>`);
    const release = coordinator!.keepClear(target);
    await coordinator!.prepare({ kind: 'popover' });
    for (let i = 0; i < 3; i++) await nextFrame();
    expect(asideNow(host)).to.equal(false);
    expect(arrangementFetched(), 'arranged.ts fetched').to.equal(false);
    release();
    slot.dispose();
  });

  it('two corner surfaces registered after prepare() are stacked at once, not a frame later', async () => {
    coordinator = createSurfaceCoordinator(window);
    await coordinator.prepare({ kind: 'corner' });
    expect(arrangementFetched(), 'arranged.ts fetched').to.equal(true);
    const older = await cornerSurface('older');
    const newer = await cornerSurface('newer');
    coordinator.register(older.host, { kind: 'corner', boxes: () => [older.box] });
    coordinator.register(newer.host, { kind: 'corner', boxes: () => [newer.box] });
    // Same task as the registration: the older card already moved up above the newer one.
    expect(overlap(older.box, newer.box), 'overlap').to.equal(false);
    expect(Math.round(older.box.getBoundingClientRect().bottom)).to.equal(Math.round(newer.box.getBoundingClientRect().top) - 12);
  });

  it('a corner surface registered without prepare() is stacked once the arrangement is in', async () => {
    coordinator = createSurfaceCoordinator(window);
    const older = await cornerSurface('older');
    const newer = await cornerSurface('newer');
    coordinator.register(older.host, { kind: 'launcher', boxes: () => [older.box] });
    coordinator.register(newer.host, { kind: 'corner', boxes: () => [newer.box] });
    await until(() => !overlap(older.box, newer.box), 'stacked');
  });

  it("an anchored surface steps aside while the page's aria-modal element is shown by a style change", async () => {
    const { host, modal } = await anchoredSurface();
    await nextFrame();
    expect(asideNow(host)).to.equal(false);
    modal.style.display = 'block';
    await until(() => asideNow(host), 'stepped aside');
    modal.style.display = 'none';
    await until(() => !asideNow(host), 'back');
  });

  it("an anchored surface steps aside while the page's dialog is open, and a modal added later counts at once", async () => {
    const { host, dialog } = await anchoredSurface();
    dialog.showModal();
    // Asked in the same task: the observer has not reported the change yet.
    expect(coordinator!.hostOverlayOpen()).to.equal(true);
    await until(() => asideNow(host), 'stepped aside for the dialog');
    dialog.close();
    await until(() => !asideNow(host), 'back after the dialog');
    const added = document.createElement('div');
    added.setAttribute('aria-modal', 'true');
    added.textContent = 'Added modal';
    document.body.append(added);
    try {
      expect(coordinator!.hostOverlayOpen()).to.equal(true);
      await until(() => asideNow(host), 'stepped aside for the added modal');
    } finally {
      added.remove();
    }
    await until(() => !asideNow(host), 'back after it left');
  });
});
