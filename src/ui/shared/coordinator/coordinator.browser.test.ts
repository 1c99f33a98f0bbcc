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
