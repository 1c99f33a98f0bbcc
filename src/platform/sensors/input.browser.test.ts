import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { html, render, type TemplateResult } from 'lit';
import type { Target } from '../../config/types.js';
import type { Signal } from '../../engine/contract.js';
import { clickSensor, deadClickSensor, formErrorSensor, idleSensor, rageClickSensor, type SensorContext } from './index.js';

type Struggle = Extract<Signal, { type: 'struggle' }>;

/** Signals a sensor emitted, with a way to await the next matching one. */
function recorder(now: () => number = () => Date.now()) {
  const signals: Signal[] = [];
  const errors: Array<{ error: unknown; where: string }> = [];
  const waiting: Array<(signal: Signal) => boolean> = [];
  const ctx: SensorContext = {
    window,
    now,
    emit(signal) {
      signals.push(signal);
      for (const check of [...waiting]) if (check(signal)) waiting.splice(waiting.indexOf(check), 1);
    },
    reportError: (error, where) => errors.push({ error, where }),
  };
  const next = (match: (signal: Signal) => boolean, what: string): Promise<Signal> =>
    new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no ${what} arrived`)), 5000);
      waiting.push((signal) => {
        if (!match(signal)) return false;
        clearTimeout(guard);
        resolve(signal);
        return true;
      });
    });
  return { ctx, signals, errors, next };
}

const struggles = (signals: Signal[], kind: Struggle['kind']) => signals.filter((s): s is Struggle => s.type === 'struggle' && s.kind === kind);

/** Static test markup in a fixed box at the top-left, so every control is on screen for the mouse. */
let sandbox: HTMLElement | null = null;
function mount(template: TemplateResult): HTMLElement {
  sandbox = document.createElement('div');
  sandbox.style.cssText = 'position:fixed;inset:0 auto auto 0;width:600px;z-index:10;background:white';
  document.body.append(sandbox);
  render(template, sandbox);
  return sandbox;
}

/** Click the centre of an element (plus an offset), as a user would. */
async function click(el: Element, dx = 0, dy = 0): Promise<void> {
  const box = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2 + dx), Math.round(box.top + box.height / 2 + dy)] });
}

const targets = (entries: Record<string, Target>) => new Map(Object.entries(entries));

describe('input sensors', () => {
  const disposers: Array<() => void> = [];
  afterEach(async () => {
    for (const dispose of disposers.splice(0)) dispose();
    sandbox?.remove();
    sandbox = null;
    await resetMouse();
  });

  describe('clickSensor', () => {
    it('emits the keys of every configured target containing the clicked node', async () => {
      const box = mount(html`<form id="settings"><button type="button" id="save"><span class="icon" aria-hidden="true" style="display:inline-block;width:16px;height:16px;background:green"></span> Save</button></form><p id="plain">Plain text</p>`);
      const { ctx, signals } = recorder(() => 7);
      disposers.push(clickSensor(ctx, targets({
        form: '#settings',
        save: { text: 'Save', role: 'button' },
        anchorless: { anchor: 'nowhere' },
      })));
      await click(box.querySelector('.icon')!);
      expect(signals).to.deep.equal([{ type: 'click', at: 7, keys: ['form', 'save'] }]);
      await click(box.querySelector('#plain')!);
      expect(signals, 'a click on nothing configured is not emitted').to.have.length(1);
    });

    it('sees clicks inside open shadow roots, and clicks the page stops from propagating', async () => {
      const box = mount(html`<div id="host"></div><button id="stopper" type="button">Stop</button>`);
      const root = box.querySelector('#host')!.attachShadow({ mode: 'open' });
      const inner = document.createElement('button');
      inner.className = 'inner';
      inner.textContent = 'Inside';
      root.append(inner);
      box.querySelector('#stopper')!.addEventListener('click', (event) => event.stopPropagation());
      const { ctx, signals } = recorder();
      disposers.push(clickSensor(ctx, targets({ inner: '.inner', host: '#host', stopper: '#stopper' })));
      await click(inner);
      await click(box.querySelector('#stopper')!);
      expect(signals.map((s) => (s.type === 'click' ? s.keys : []))).to.deep.equal([['inner', 'host'], ['stopper']]);
    });

    it('reports an invalid selector once and keeps matching the other targets', async () => {
      const box = mount(html`<button id="ok" type="button">Ok</button>`);
      const { ctx, signals, errors } = recorder();
      disposers.push(clickSensor(ctx, targets({ broken: 'button[', ok: '#ok' })));
      await click(box.querySelector('#ok')!);
      await click(box.querySelector('#ok')!);
      expect(signals.map((s) => (s.type === 'click' ? s.keys : []))).to.deep.equal([['ok'], ['ok']]);
      expect(errors).to.have.length(1);
      expect(errors[0]!.where).to.equal('click');
      expect(String(errors[0]!.error)).to.contain('button[');
    });
  });

  describe('rageClickSensor', () => {
    it('emits one struggle for 3 quick clicks in one spot, with the target keys', async () => {
      const box = mount(html`<button id="pay" type="button">Pay</button>`);
      let clock = 1_000;
      const { ctx, signals } = recorder(() => clock);
      disposers.push(rageClickSensor(ctx, targets({ pay: '#pay', other: '#other' })));
      for (let i = 0; i < 4; i++) {
        await click(box.querySelector('#pay')!, i * 3, 0);
        clock += 150;
      }
      const rage = struggles(signals, 'rage-click');
      expect(rage, 'the 4th click starts a new count').to.have.length(1);
      expect(rage[0]).to.deep.include({ at: 1_300, keys: ['pay'] });
      expect(rage[0]!.detail).to.contain('3 clicks').and.contain('button#pay');
    });

    it('ignores 2 clicks, clicks spread out in time or space, and scripted clicks', async () => {
      const box = mount(html`<div id="wide" style="width:300px;height:40px;background:#eee"></div>`);
      const wide = box.querySelector('#wide') as HTMLElement;
      let clock = 0;
      const { ctx, signals } = recorder(() => clock);
      disposers.push(rageClickSensor(ctx, targets({})));
      await click(wide);
      await click(wide);
      clock += 2_000; // the next clicks are too late to join those two
      for (let i = 0; i < 3; i++) {
        await click(wide);
        clock += 800; // each more than 700 ms after the one before
      }
      for (let i = 0; i < 3; i++) await click(wide, -100 + i * 80, 0); // 80 px apart
      for (let i = 0; i < 5; i++) wide.click();
      expect(struggles(signals, 'rage-click')).to.deep.equal([]);
    });
  });

  describe('deadClickSensor', () => {
    it('emits for a click that changes nothing, with keys and a description without text', async () => {
      const box = mount(html`<div id="fake-button" class="cta" style="width:160px;height:40px;background:#ddd">Looks clickable</div>`);
      const { ctx, next } = recorder();
      disposers.push(deadClickSensor(ctx, targets({ cta: '.cta' }), { deadClickWindowMs: 150 }));
      const dead = next((s) => s.type === 'struggle' && s.kind === 'dead-click', 'dead-click');
      await click(box.querySelector('#fake-button')!);
      const signal = (await dead) as Struggle;
      expect(signal.keys).to.deep.equal(['cta']);
      expect(signal.detail).to.contain('div#fake-button.cta');
      expect(signal.detail).not.to.contain('Looks clickable');
    });

    it('does not emit for clicks the page answers (DOM change, focus into a field, toggled details, checkbox)', async () => {
      const box = mount(html`
        <button id="adds" type="button">Add row</button>
        <label for="name-field" id="name-label">Name</label> <input id="name-field">
        <details><summary id="more">More</summary><p>Hidden text</p></details>
        <input type="checkbox" id="agree">
        <div id="inert-box" style="width:160px;height:40px;background:#ddd">Nothing here</div>`);
      box.querySelector('#adds')!.addEventListener('click', () => box.append(document.createElement('hr')));
      const { ctx, signals, next } = recorder();
      disposers.push(deadClickSensor(ctx, targets({}), { deadClickWindowMs: 150 }));
      for (const id of ['adds', 'name-label', 'more', 'agree']) {
        await click(box.querySelector(`#${id}`)!);
        // Windows close in click order: once the dead click after it is reported, this one was judged.
        const barrier = next((s) => s.type === 'struggle' && s.kind === 'dead-click', `dead-click on the inert box after #${id}`);
        await click(box.querySelector('#inert-box')!);
        await barrier;
      }
      const dead = struggles(signals, 'dead-click');
      expect(dead.map((s) => s.detail)).to.deep.equal(Array(4).fill('no response to a click on div#inert-box'));
    });
  });

  describe('formErrorSensor', () => {
    it('emits when native validation fails on submit, one signal per submit, naming fields not values', async () => {
      const box = mount(html`<form id="signup" @submit=${(e: Event) => e.preventDefault()}>
        <input name="email" type="email" required aria-label="Email">
        <input name="age" type="number" min="18" aria-label="Age">
        <button>Sign up</button></form>`);
      const { ctx, next, signals } = recorder();
      disposers.push(formErrorSensor(ctx, targets({ signup: '#signup', email: 'input[name=email]', other: '#nope' })));
      const failed = next((s) => s.type === 'struggle' && s.kind === 'form-error', 'form-error');
      await click(box.querySelector('input[name=email]')!);
      await sendKeys({ type: 'not-an-email' });
      await click(box.querySelector('input[name=age]')!);
      await sendKeys({ type: '3' });
      await sendKeys({ press: 'Enter' });
      const signal = (await failed) as Struggle;
      expect(signal.keys).to.have.members(['signup', 'email']);
      expect(signal.detail).to.equal('invalid: email, age');
      expect(signal.detail).not.to.contain('not-an-email');
      expect(struggles(signals, 'form-error')).to.have.length(1);
    });

    it('emits when a field turns aria-invalid="true", once per transition', async () => {
      const box = mount(html`<form id="profile"><input name="username" aria-label="Username"></form>`);
      const field = box.querySelector('input')!;
      // The app validates as the user types, the way most frameworks mark errors.
      field.addEventListener('input', () => field.setAttribute('aria-invalid', String(field.value.includes(' '))));
      const { ctx, signals, next } = recorder();
      disposers.push(formErrorSensor(ctx, targets({ profile: '#profile' })));
      await click(field);
      const first = next((s) => s.type === 'struggle' && s.kind === 'form-error', 'form-error from aria-invalid');
      await sendKeys({ type: 'ab c' }); // false, false, true, true
      expect(await first).to.deep.include({ keys: ['profile'], detail: 'invalid: username' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' }); // "ab": false
      const second = next((s) => s.type === 'struggle' && s.kind === 'form-error', 'second form-error');
      await sendKeys({ type: ' x' }); // true again
      await second;
      expect(struggles(signals, 'form-error')).to.have.length(2);
    });
  });

  describe('idleSensor', () => {
    it('emits idle after the threshold without input, and not idle at the next input', async () => {
      const { ctx, signals, next } = recorder();
      const becameIdle = next((s) => s.type === 'idle' && s.idle, 'idle: true');
      disposers.push(idleSensor(ctx, { idleAfterMs: 60 }));
      await becameIdle;
      // Listening before the input: on a loaded machine the next idle may come before the mouse call returns.
      const idleAgain = next((s) => s.type === 'idle' && s.idle && signals.some((x) => x.type === 'idle' && !x.idle), 'idle again');
      await sendMouse({ type: 'move', position: [50, 60] });
      expect(signals.map((s) => (s.type === 'idle' ? s.idle : null)).slice(0, 2)).to.deep.equal([true, false]);
      await idleAgain;
      await sendKeys({ press: 'Shift' });
      expect(signals.map((s) => (s.type === 'idle' ? s.idle : null)).slice(0, 4)).to.deep.equal([true, false, true, false]);
    });
  });
});
