import { expect, fixture, html } from '@open-wc/testing';
import type { Target } from '../../config/types.js';
import { accessibleText, resolveAllTargets, resolveTarget, roleOf } from '../../platform/targets/index.js';
import { formatTarget, isGeneratedToken, pickable, suggestTargets } from './selector.js';
import type { DebugTargets } from './types.js';

/** The SDK's own resolution, as the runtime gives it to the overlay. */
const targets: DebugTargets = { all: (target) => resolveAllTargets(target, document), roleOf, accessibleText };
const $ = (selector: string) => document.querySelector(selector)!;

/** What the config would do with the suggestion: Waymark's resolver finds exactly this element, alone and first. */
function resolvesTo(target: Target, element: Element): boolean {
  const all = resolveAllTargets(target, document);
  return all.length === 1 && all[0] === element && resolveTarget(target, document) === element;
}

describe('suggestTargets', () => {
  it('prefers the data-waymark anchor and offers it as { anchor }', async () => {
    await fixture(html`<nav><a id="nav-projects" href="/projects" data-waymark="sidebar-projects" class="css-1x2y3z">Projects</a></nav>`);
    const link = $('a');
    const picked = suggestTargets(link, targets);
    expect(picked.best.kind).to.equal('anchor');
    expect(picked.best.target).to.deep.equal({ anchor: 'sidebar-projects' });
    expect(picked.best.css).to.equal('[data-waymark="sidebar-projects"]');
    expect(picked.best.count).to.equal(1);
    expect(picked.best.unique).to.equal(true);
    expect(formatTarget(picked.best.target)).to.equal('{"anchor":"sidebar-projects"}');
    expect(resolvesTo(picked.best.target, link)).to.equal(true);
    // The alternatives are there too, each with its match count, and none relies on the hashed class.
    expect(picked.suggestions.map((s) => s.kind)).to.include.members(['anchor', 'id', 'attribute', 'text']);
    expect(picked.suggestions.every((s) => !JSON.stringify(s.target).includes('css-1x2y3z'))).to.equal(true);
  });

  it('reports a shared anchor as not unique and falls back to what is', async () => {
    await fixture(html`<div><button data-waymark="save" id="save-draft">Save draft</button><button data-waymark="save">Save</button></div>`);
    const picked = suggestTargets($('#save-draft'), targets);
    const anchor = picked.suggestions.find((s) => s.kind === 'anchor')!;
    expect(anchor.count).to.equal(2);
    expect(anchor.unique).to.equal(false);
    expect(picked.best.kind).to.equal('id');
    expect(picked.best.target).to.equal('#save-draft');
    expect(resolvesTo(picked.best.target, $('#save-draft'))).to.equal(true);
  });

  it('uses a hand-written id but not a generated one', async () => {
    await fixture(html`<div><input id=":r1:" name="email" aria-label="Work email" /><section id="billing-panel"><p>Plan</p></section></div>`);
    const input = suggestTargets($('input'), targets);
    expect(input.suggestions.some((s) => s.kind === 'id')).to.equal(false);
    expect(input.best.kind).to.equal('attribute');
    expect(input.best.target).to.equal('input[name="email"]');
    const section = suggestTargets($('section'), targets);
    expect(section.best.target).to.equal('#billing-panel');
  });

  it('prefers test ids, then name, aria-label, href', async () => {
    await fixture(html`<div>
      <button data-testid="checkout-submit" class="sc-bdVaJa">Pay</button>
      <a href="/billing/invoices" class="_x7f2k9">Invoices</a><a href="/billing">Billing</a>
      <button aria-label="Close dialog" class="Button_root__1a2b3">×</button>
    </div>`);
    expect(suggestTargets($('[data-testid]'), targets).best.target).to.equal('button[data-testid="checkout-submit"]');
    expect(suggestTargets($('a'), targets).best.target).to.equal('a[href="/billing/invoices"]');
    const close = suggestTargets($('[aria-label]'), targets);
    expect(close.best.target).to.equal('button[aria-label="Close dialog"]');
    expect(resolvesTo(close.best.target, $('[aria-label]'))).to.equal(true);
  });

  it('falls back to role and text, scoped within a stable ancestor when the text repeats', async () => {
    await fixture(html`<div>
      <section data-waymark="plan-pro"><h3>Pro</h3><button class="css-9z8y7x">Choose plan</button></section>
      <section data-waymark="plan-team"><h3>Team</h3><button class="css-1a2b3c">Choose plan</button></section>
      <div><span role="button" tabindex="0" class="jsx-2841">Export CSV</span></div>
    </div>`);
    const exportButton = suggestTargets($('[role="button"]'), targets);
    expect(exportButton.best.kind).to.equal('text');
    expect(exportButton.best.target).to.deep.equal({ text: 'Export CSV', role: 'button' });
    expect(resolvesTo(exportButton.best.target, $('[role="button"]'))).to.equal(true);

    const second = document.querySelectorAll('section button')[1]!;
    const picked = suggestTargets(second, targets);
    const plain = picked.suggestions.find((s) => s.kind === 'text' && !('within' in (s.target as object)))!;
    expect(plain.count).to.equal(2);
    const scoped = picked.suggestions.find((s) => s.kind === 'text' && 'within' in (s.target as object))!;
    expect(scoped.target).to.deep.equal({ text: 'Choose plan', role: 'button', within: '[data-waymark="plan-team"]' });
    expect(scoped.unique).to.equal(true);
    expect(picked.best === scoped).to.equal(true);
    expect(resolvesTo(picked.best.target, second)).to.equal(true);
  });

  it('builds a short structural path from the nearest stable ancestor, skipping hashed and state classes', async () => {
    await fixture(html`<main id="app">
      <ul class="list css-4k2j1h">
        <li class="item is-active"><span class="sc-AxjAm">a</span></li>
        <li class="item"><span class="sc-AxjAm">b</span></li>
        <li class="item"><span class="sc-AxjAm">b</span></li>
      </ul>
    </main>`);
    const span = document.querySelectorAll('li span')[2]!;
    const picked = suggestTargets(span, targets);
    expect(picked.best.kind).to.equal('path');
    expect(picked.best.css).to.equal('#app li.item:nth-of-type(3) > span');
    expect(picked.best.css).not.to.match(/sc-|css-|is-active/);
    expect(document.querySelectorAll(picked.best.css!).length).to.equal(1);
    expect(resolvesTo(picked.best.target, span)).to.equal(true);
  });

  it('keeps an anchored path short: the stable ancestor, then only as many steps as it needs', async () => {
    await fixture(html`<div id="main"><div class="page"><div class="page-header"><div class="page-header__text">
      <h1 class="page-title css-0a9s8d">Projects</h1></div></div></div><nav><h1 class="page-title">Nav</h1></nav></div>`);
    const picked = suggestTargets($('.page-header h1'), targets);
    const path = picked.suggestions.find((s) => s.kind === 'path')!;
    expect(path.css).to.equal('#main div.page-header__text > h1.page-title');
    expect(path.unique).to.equal(true);
    expect(picked.best.kind).to.equal('text'); // what a person reads comes before structure
  });

  it('finds elements inside open shadow roots, checked with the SDK resolver', async () => {
    await fixture(html`<div id="host"></div>`);
    const root = $('#host').attachShadow({ mode: 'open' });
    const inner = document.createElement('button');
    inner.setAttribute('data-waymark', 'shadow-save');
    inner.textContent = 'Save';
    root.append(inner);
    const picked = suggestTargets(inner, targets);
    expect(picked.best.target).to.deep.equal({ anchor: 'shadow-save' });
    expect(picked.best.count).to.equal(1);
    expect(resolvesTo(picked.best.target, inner)).to.equal(true);
  });

  it('escapes quotes so every selector stays valid, and skips ids with tooling syntax', async () => {
    await fixture(html`<div><button data-waymark='say "hi"'>Hi</button><span aria-label='Size 10" \\ wide' id="a.b:c">x</span></div>`);
    const quoted = suggestTargets($('button'), targets);
    expect(quoted.best.css).to.equal('[data-waymark="say \\"hi\\""]');
    expect(document.querySelectorAll(quoted.best.css!).length).to.equal(1);
    expect(resolvesTo(quoted.best.target, $('button'))).to.equal(true);
    const labelled = suggestTargets($('span'), targets);
    expect(labelled.suggestions.some((s) => s.kind === 'id')).to.equal(false);
    const attribute = labelled.suggestions.find((s) => s.kind === 'attribute')!;
    expect(attribute.css).to.equal('span[aria-label="Size 10\\" \\\\ wide"]');
    expect(document.querySelector(attribute.css!) === $('span')).to.equal(true);
  });
});

describe('pickable', () => {
  it('gives the control for an icon or label inside it, the svg for a shape, else the element', async () => {
    await fixture(html`<div>
      <button id="b"><svg viewBox="0 0 10 10"><g><path d="M0 0h10v10z"></path></g></svg><span>Go</span></button>
      <svg id="free" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"></circle></svg>
      <p id="p"><em>text</em></p>
    </div>`);
    // (Elements compared by identity: a failing chai comparison of two elements takes forever to print.)
    expect(pickable($('path')) === $('#b'), 'icon → button').to.equal(true);
    expect(pickable($('#b span')) === $('#b'), 'label → button').to.equal(true);
    expect(pickable($('circle')) === $('#free'), 'shape → svg').to.equal(true);
    expect(pickable($('em')) === $('em'), 'plain element').to.equal(true);
  });
});

describe('isGeneratedToken', () => {
  it('flags hashes, counters and framework tokens, and keeps names people write', () => {
    for (const token of ['css-1x2y3z', 'sc-bdVaJa', '_abc123', 'Button_root__1a2b3', 'jsx-2841', ':r1:', 'ember123', 'item-12345', 'x1abc23', 'a8f3kq9', '3f2c9a1e-7b4d-4e2a', 'ng-star-inserted', 'mui-42', 'svelte-xyz12']) {
      expect(isGeneratedToken(token), token).to.equal(true);
    }
    for (const token of ['save', 'nav__link', 'btn-primary', 'step2', 'col-2', 'h-10', 'billing-panel', 'sidebar-projects', 'checkout-submit']) {
      expect(isGeneratedToken(token), token).to.equal(false);
    }
  });
});
