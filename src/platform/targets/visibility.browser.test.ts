import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { isVisible } from './index.js';


/** Render static test markup synchronously (no frame wait, so it works in a background tab too). */
const mounted: HTMLElement[] = [];
function mount(template: TemplateResult): HTMLElement {
  const box = document.createElement('div');
  document.body.append(box);
  render(template, box);
  mounted.push(box);
  return box.firstElementChild as HTMLElement;
}
afterEach(() => {
  for (const box of mounted.splice(0)) box.remove();
});

describe('isVisible', () => {
  it('is true for a rendered element, also below the fold of the page', async () => {
    const el = mount(html`<div>
      <button id="here">Here</button>
      <div style="height:3000px"></div>
      <button id="far">Far below</button>
    </div>`);
    expect(isVisible(el.querySelector('#here')!)).to.equal(true);
    expect(isVisible(el.querySelector('#far')!)).to.equal(true);
  });

  it('is false when display:none, visibility:hidden or opacity:0 applies to it or an ancestor', async () => {
    const el = mount(html`<div>
      <div style="display:none"><button id="a">A</button></div>
      <div style="visibility:hidden"><button id="b">B</button></div>
      <div style="opacity:0"><span><button id="c">C</button></span></div>
      <button id="d" hidden>D</button>
      <div style="visibility:hidden"><button id="e" style="visibility:visible">E</button></div>
    </div>`);
    expect(isVisible(el.querySelector('#a')!)).to.equal(false);
    expect(isVisible(el.querySelector('#b')!)).to.equal(false);
    expect(isVisible(el.querySelector('#c')!)).to.equal(false);
    expect(isVisible(el.querySelector('#d')!)).to.equal(false);
    expect(isVisible(el.querySelector('#e')!), 'a visible child of a hidden parent shows').to.equal(true);
  });

  it('is false without a layout box of non-zero size, or when disconnected', async () => {
    const el = mount(html`<div>
      <div id="empty"></div>
      <div id="flat" style="width:100px;height:0;overflow:hidden">x</div>
    </div>`);
    expect(isVisible(el.querySelector('#empty')!)).to.equal(false);
    expect(isVisible(el.querySelector('#flat')!)).to.equal(false);
    const detached = document.createElement('button');
    detached.textContent = 'Detached';
    expect(isVisible(detached)).to.equal(false);
  });

  it('is false when clipped entirely out of a scroll container, true while any part shows', async () => {
    const el = mount(html`<div>
      <div id="box" style="height:100px;width:200px;overflow:auto">
        <div style="height:40px" id="top">Top row</div>
        <div style="height:500px"></div>
        <div style="height:40px" id="bottom">Bottom row</div>
      </div>
      <div style="height:50px;width:50px;overflow:hidden;position:relative">
        <span id="outside" style="position:absolute;left:80px;top:0">Outside</span>
        <span id="partly" style="position:absolute;left:40px;top:0">Partly</span>
      </div>
    </div>`);
    const box = el.querySelector('#box')!;
    expect(isVisible(el.querySelector('#top')!)).to.equal(true);
    expect(isVisible(el.querySelector('#bottom')!)).to.equal(false);
    box.scrollTop = box.scrollHeight;
    expect(isVisible(el.querySelector('#top')!)).to.equal(false);
    expect(isVisible(el.querySelector('#bottom')!)).to.equal(true);
    expect(isVisible(el.querySelector('#outside')!)).to.equal(false);
    expect(isVisible(el.querySelector('#partly')!)).to.equal(true);
  });

  it('sees through shadow boundaries: a hidden host hides its shadow content', async () => {
    const el = mount(html`<div><div id="host"></div></div>`);
    const host = el.querySelector<HTMLElement>('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('button');
    inner.textContent = 'Inside';
    root.append(inner);
    expect(isVisible(inner)).to.equal(true);
    host.style.display = 'none';
    expect(isVisible(inner)).to.equal(false);
  });
});
