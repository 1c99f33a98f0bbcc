import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { createTargetResolver, matchesTarget, resolveAllTargets, resolveTarget, type TargetIssue } from './index.js';

/** Attach an open (or closed) shadow root with static test markup. */
function shadow(host: Element, markup: string, mode: ShadowRootMode = 'open'): ShadowRoot {
  const root = host.attachShadow({ mode });
  // Static markup written by the test, never config or user text.
  root.innerHTML = markup;
  return root;
}


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

describe('resolveTarget', () => {
  it('finds a CSS selector given as a string or as {selector}', async () => {
    const el = mount(html`<div><p class="intro">Hi</p><button id="save">Save</button></div>`);
    expect(resolveTarget('#save', document)).to.equal(el.querySelector('#save'));
    expect(resolveTarget({ selector: 'p.intro' }, document)).to.equal(el.querySelector('p'));
    expect(resolveTarget('#nope', document)).to.equal(null);
  });

  it('finds {anchor} through [data-waymark], escaping quotes and backslashes', async () => {
    const el = mount(html`<div>
      <a data-waymark="new-project" href="#">New</a>
      <span data-waymark=${'odd "name" \\ here'}>Odd</span>
    </div>`);
    expect(resolveTarget({ anchor: 'new-project' }, document)).to.equal(el.querySelector('a'));
    expect(resolveTarget({ anchor: 'odd "name" \\ here' }, document)).to.equal(el.querySelector('span'));
    expect(resolveTarget({ anchor: 'missing' }, document)).to.equal(null);
  });

  it('matches {text} trimmed, whitespace-collapsed and case-insensitively, preferring the innermost element', async () => {
    const el = mount(html`<section>
      <div class="card"><span class="label">
        Create    a
        PROJECT </span></div>
    </section>`);
    expect(resolveTarget({ text: 'create a project' }, document)).to.equal(el.querySelector('.label'));
    expect(resolveTarget({ text: 'create a' }, document)).to.equal(null);
  });

  it('filters {text} by explicit and implicit roles', async () => {
    const el = mount(html`<div>
      <span id="plain">Save</span>
      <button id="btn"><span>Save</span></button>
      <div id="custom" role="button">Delete</div>
      <a id="no-href">Docs</a><a id="link" href="#docs">Docs</a>
      <h3 id="heading">Billing</h3><p>Billing</p>
      <input id="submit" type="submit" value="Send now">
      <label>Email address <input id="email" type="email"></label>
      <button id="icon" aria-label="Close dialog">×</button>
      <span id="labelled" role="button" aria-labelledby="lbl"></span><span id="lbl">Upload file</span>
    </div>`);
    const byId = (id: string) => el.querySelector(`#${id}`);
    expect(resolveTarget({ text: 'Save', role: 'button' }, document)).to.equal(byId('btn'));
    expect(resolveTarget({ text: 'Save' }, document)).to.equal(byId('plain'));
    expect(resolveTarget({ text: 'delete', role: 'button' }, document)).to.equal(byId('custom'));
    expect(resolveTarget({ text: 'Docs', role: 'link' }, document)).to.equal(byId('link'));
    expect(resolveTarget({ text: 'Billing', role: 'heading' }, document)).to.equal(byId('heading'));
    expect(resolveTarget({ text: 'send now', role: 'button' }, document)).to.equal(byId('submit'));
    expect(resolveTarget({ text: 'Email address', role: 'textbox' }, document)).to.equal(byId('email'));
    expect(resolveTarget({ text: 'close dialog', role: 'button' }, document)).to.equal(byId('icon'));
    expect(resolveTarget({ text: '×', role: 'button' }, document), 'aria-label replaces the text').to.equal(null);
    expect(resolveTarget({ text: 'Upload file', role: 'button' }, document)).to.equal(byId('labelled'));
    expect(resolveTarget({ text: 'Save', role: 'link' }, document)).to.equal(null);
  });

  it('limits {text} to elements inside `within`', async () => {
    const el = mount(html`<div>
      <nav><button id="nav-save">Save</button></nav>
      <form id="settings"><button id="form-save">Save</button></form>
    </div>`);
    expect(resolveTarget({ text: 'Save', role: 'button', within: '#settings' }, document)).to.equal(el.querySelector('#form-save'));
    expect(resolveTarget({ text: 'Save', role: 'button', within: 'aside' }, document)).to.equal(null);
  });

  it('searches open shadow roots, nested ones too, but not closed ones', async () => {
    const el = mount(html`<div><div id="outer"></div><div id="closed"></div></div>`);
    const outer = shadow(el.querySelector('#outer')!, '<div id="inner-host"></div><p class="in-outer">Outer text</p>');
    const inner = shadow(outer.querySelector('#inner-host')!, '<button class="deep" data-waymark="deep-anchor">Deep action</button>');
    shadow(el.querySelector('#closed')!, '<button class="secret">Secret</button>', 'closed');
    const deep = inner.querySelector('.deep');
    expect(resolveTarget('.deep', document)).to.equal(deep);
    expect(resolveTarget({ anchor: 'deep-anchor' }, document)).to.equal(deep);
    expect(resolveTarget({ text: 'deep action', role: 'button' }, document)).to.equal(deep);
    expect(resolveTarget('.in-outer', document)).to.equal(outer.querySelector('.in-outer'));
    expect(resolveTarget('.secret', document)).to.equal(null);
    expect(resolveTarget({ text: 'Secret' }, document)).to.equal(null);
    // Searching from a shadow root covers that root and the roots nested in it.
    expect(resolveTarget('.deep', outer)).to.equal(deep);
  });

  it('reads a shadow host\'s rendered text, slots included', async () => {
    const el = mount(html`<div><span id="host">World</span></div>`);
    shadow(el.querySelector('#host')!, '<b>Hello</b> <slot></slot>');
    expect(resolveTarget({ text: 'hello world' }, document)).to.equal(el.querySelector('#host'));
  });

  it("takes a selector's visible match in the document without walking the page for shadow roots, and walks when it is hidden", async () => {
    const el = mount(html`<div><button class="save" id="light">Save</button><div id="host"></div></div>`);
    const inShadow = shadow(el.querySelector('#host')!, '<button class="save" id="deep">Save</button>').querySelector('#deep');
    const realWalker = Document.prototype.createTreeWalker;
    let walks = 0;
    Document.prototype.createTreeWalker = function (this: Document, ...args: Parameters<Document['createTreeWalker']>) {
      // Walks of the whole page (each shadow root found is then walked on its own).
      if (args[0] === document) walks++;
      return realWalker.apply(this, args);
    };
    try {
      expect(resolveTarget('.save', document)).to.equal(el.querySelector('#light'));
      expect(resolveTarget({ anchor: 'none-here' }, document)).to.equal(null);
      expect(walks, 'a visible match in the document needs no walk; a missing one does').to.equal(1);
      el.querySelector<HTMLElement>('#light')!.style.display = 'none';
      expect(resolveTarget('.save', document), 'hidden in the document: the visible one in a shadow root').to.equal(inShadow);
      expect(walks).to.equal(2);
    } finally {
      Document.prototype.createTreeWalker = realWalker;
    }
  });

  it('prefers a visible match over a hidden one that comes first', async () => {
    const el = mount(html`<div>
      <button class="menu" style="display:none">Menu</button>
      <button class="menu" id="shown">Menu</button>
    </div>`);
    expect(resolveTarget('.menu', document)).to.equal(el.querySelector('#shown'));
    expect(resolveAllTargets('.menu', document)).to.have.length(2);
  });

  it('never throws on an invalid selector: null, and one report per selector', async () => {
    mount(html`<div><button>Ok</button></div>`);
    const issues: TargetIssue[] = [];
    const resolver = createTargetResolver({ onIssue: (issue) => issues.push(issue) });
    expect(resolver.all('button[', [document])).to.deep.equal([]);
    expect(resolver.all({ selector: 'button[' }, [document])).to.deep.equal([]);
    expect(resolver.matches(document.body, '::nope(')).to.equal(false);
    expect(resolver.all({ text: 'Ok', within: '>>>' }, [document])).to.deep.equal([]);
    expect(issues.map((issue) => issue.selector)).to.deep.equal(['button[', '::nope(', '>>>']);
    expect(issues[0]!.code).to.equal('invalid-selector');
    expect(issues[0]!.message).to.contain('button[');
    const once: TargetIssue[] = [];
    expect(resolveTarget('a[[', document, { onIssue: (issue) => once.push(issue) })).to.equal(null);
    expect(once).to.have.length(1);
  });

  it('matchesTarget tests one element against each target kind', async () => {
    const el = mount(html`<form id="f"><button data-waymark="go" class="primary">Go on</button></form>`);
    const button = el.querySelector('button')!;
    expect(matchesTarget(button, '.primary')).to.equal(true);
    expect(matchesTarget(button, { anchor: 'go' })).to.equal(true);
    expect(matchesTarget(button, { text: 'go on', role: 'button', within: '#f' })).to.equal(true);
    expect(matchesTarget(button, { text: 'go on', role: 'link' })).to.equal(false);
    expect(matchesTarget(button, { text: 'go' })).to.equal(false);
    expect(matchesTarget(button, 'div[')).to.equal(false);
  });
});

describe('a resolver without text matching (the runtime, before a config with text targets loads it)', () => {
  it('matches selectors, finds no text target and reports that once per target', async () => {
    const { createTargetResolver: createPlainResolver } = await import('./resolve.js');
    const button = Object.assign(document.createElement('button'), { id: 'wm-plain-save', textContent: 'Save' });
    document.body.append(button);
    try {
      const issues: TargetIssue[] = [];
      const resolver = createPlainResolver({ onIssue: (issue) => issues.push(issue) });
      expect(resolver.all('#wm-plain-save', [document])).to.deep.equal([button]);
      expect(resolver.all({ text: 'Save', role: 'button' }, [document])).to.deep.equal([]);
      expect(resolver.all({ text: 'Save', role: 'button' }, [document])).to.deep.equal([]);
      expect(resolver.matches(button, { text: 'Save' })).to.equal(false);
      expect(issues.map((issue) => `${issue.code} ${issue.selector}`)).to.deep.equal([
        'text-matching-unavailable text "Save" (role button)',
        'text-matching-unavailable text "Save"',
      ]);
      // Given the matching, the same resolver module finds it.
      const { TEXT_MATCHING } = await import('./text.js');
      expect(createPlainResolver({ textMatching: () => TEXT_MATCHING }).all({ text: 'Save', role: 'button' }, [document])).to.deep.equal([button]);
    } finally {
      button.remove();
    }
  });
});
