import { expect, fixture, html } from '@open-wc/testing';
import { pinnedToViewport } from './pinned.js';

const pinned = (selector: string) => pinnedToViewport(document.querySelector(selector)!);

describe('pinnedToViewport: whether the window scroll leaves an element where it is', () => {
  it('is true in a fixed header and in a sticky one held by the page, false in the page and in a scrolled box', async () => {
    await fixture(html`<div>
      <header style="position:fixed;top:0;left:0;right:0"><nav><button id="fixed">Help</button></nav></header>
      <aside style="position:sticky;top:0"><a id="sticky" href="#">Projects</a></aside>
      <main>
        <button id="flow">Save</button>
        <div style="height:100px;overflow:auto">
          <table>
            <thead style="position:sticky;top:0">
              <tr><th id="sticky-in-box">Name</th></tr>
            </thead>
          </table>
        </div>
      </main>
      <div style="position:sticky;top:0;overflow:auto;height:50px"><button id="in-sticky-scroller">In</button></div>
    </div>`);
    expect(pinned('#fixed'), 'fixed header').to.equal(true);
    expect(pinned('#sticky'), 'sticky sidebar').to.equal(true);
    expect(pinned('#flow'), 'in the page').to.equal(false);
    expect(pinned('#sticky-in-box'), 'sticky in a scrolled box moves with the page').to.equal(false);
    // The scroller is itself sticky to the page: what is inside it stays with it.
    expect(pinned('#in-sticky-scroller'), 'in a sticky scroller').to.equal(true);
  });

  it('is false for a fixed box whose transformed ancestor holds it, true again when that ancestor is fixed', async () => {
    await fixture(html`<div>
      <div style="transform:translateX(0)">
        <div style="position:fixed;top:0"><button id="held">Held</button></div>
      </div>
      <div style="position:fixed;bottom:0;transform:translateX(0)">
        <div style="position:fixed;top:0"><button id="held-by-fixed">Held</button></div>
      </div>
    </div>`);
    expect(pinned('#held'), 'fixed inside a transformed box').to.equal(false);
    expect(pinned('#held-by-fixed'), 'fixed inside a transformed fixed box').to.equal(true);
  });

  it('follows the flat tree: slotted into a fixed shadow host, or fixed inside a shadow root', async () => {
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;top:0';
    host.attachShadow({ mode: 'open' }).innerHTML = '<div><slot></slot></div>';
    host.innerHTML = '<button id="slotted">Slotted</button>';
    const plain = document.createElement('div');
    const root = plain.attachShadow({ mode: 'open' });
    root.innerHTML = '<div style="position:fixed;bottom:0"><button>Inside</button></div>';
    document.body.append(host, plain);
    try {
      expect(pinned('#slotted'), 'slotted into a fixed host').to.equal(true);
      expect(pinnedToViewport(root.querySelector('button')!), 'fixed inside a shadow root').to.equal(true);
    } finally {
      host.remove();
      plain.remove();
    }
  });

  it('answers for a top-layer box by its own position, whatever its ancestors in the page', async () => {
    await fixture(html`<div style="position:fixed;top:0">
      <div id="absolute" popover="manual" style="position:absolute">Card</div>
      <div id="fixed" popover="manual" style="position:fixed">Card</div>
    </div>`);
    const boxes = ['#absolute', '#fixed'].map((selector) => document.querySelector<HTMLElement>(selector)!);
    boxes.forEach((box) => box.showPopover());
    try {
      expect(pinned('#absolute'), 'absolute in the top layer').to.equal(false);
      expect(pinned('#fixed'), 'fixed in the top layer').to.equal(true);
    } finally {
      boxes.forEach((box) => box.hidePopover());
    }
  });
});
