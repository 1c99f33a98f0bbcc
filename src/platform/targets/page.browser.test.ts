import { expect } from '@open-wc/testing';
import { createPageTargets } from './index.js';

const boxes: HTMLElement[] = [];
function mount(markup: string): HTMLElement {
  const box = document.createElement('div');
  // Static test markup, never config or user text.
  box.innerHTML = markup;
  document.body.append(box);
  boxes.push(box);
  return box;
}
afterEach(() => {
  for (const box of boxes.splice(0)) box.remove();
});

describe('createPageTargets (what the runtime injects into the UI)', () => {
  it('matches text by accessible name, not by text content', () => {
    const box = mount('<button aria-label="Save draft"><svg aria-hidden="true"></svg></button><span>Save draft</span>');
    const targets = createPageTargets(window);
    expect(targets.resolve({ text: 'Save draft', role: 'button' })).to.equal(box.querySelector('button'));
  });

  it('finds a target inside an open shadow root and waits for a late one', async () => {
    const box = mount('<div id="host"></div>');
    const root = box.querySelector('#host')!.attachShadow({ mode: 'open' });
    const targets = createPageTargets(window);
    const waiting = targets.wait('#inside', 3000);
    setTimeout(() => root.append(Object.assign(document.createElement('button'), { id: 'inside', textContent: 'Inside' })), 50);
    expect(await waiting).to.equal(root.querySelector('#inside'));
    expect(targets.resolve('#inside')).to.equal(root.querySelector('#inside'));
  });

  it('describes targets the way wm-target-missing reports them', () => {
    const { describe: describeTarget } = createPageTargets(window);
    expect(describeTarget('#save')).to.equal('#save');
    expect(describeTarget({ selector: '.x' })).to.equal('.x');
    expect(describeTarget({ anchor: 'never' })).to.equal('[data-waymark="never"]');
    expect(describeTarget({ text: 'Save', role: 'button', within: 'nav' })).to.equal('text "Save" (role button) within nav');
  });
});
