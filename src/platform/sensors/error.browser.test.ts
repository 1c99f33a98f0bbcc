import { expect } from '@open-wc/testing';
import type { Signal } from '../../engine/contract.js';
import { errorSensor, type SensorContext } from './index.js';

type Struggle = Extract<Signal, { type: 'struggle' }>;

function recorder(now: () => number = () => Date.now()) {
  const signals: Signal[] = [];
  const waiting: Array<(signal: Signal) => boolean> = [];
  const ctx: SensorContext = {
    window,
    now,
    emit(signal) {
      signals.push(signal);
      for (const check of [...waiting]) if (check(signal)) waiting.splice(waiting.indexOf(check), 1);
    },
    reportError: () => {},
  };
  const next = (what: string): Promise<Struggle> =>
    new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no ${what} arrived`)), 5000);
      waiting.push((signal) => {
        if (signal.type !== 'struggle' || signal.kind !== 'error') return false;
        clearTimeout(guard);
        resolve(signal);
        return true;
      });
    });
  return { ctx, signals, next };
}

/**
 * Page errors are real failures to mocha (it installs `window.onerror`) and to the console.
 * While a test provokes them on purpose, handle them as the page would: mark them handled
 * (returning true / preventDefault), so the runner does not count them as failures.
 */
function handlePageErrors(): () => void {
  const previous = window.onerror;
  window.onerror = () => true;
  const onRejection = (event: PromiseRejectionEvent) => event.preventDefault();
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.onerror = previous;
    window.removeEventListener('unhandledrejection', onRejection);
  };
}

describe('errorSensor', () => {
  const disposers: Array<() => void> = [];
  afterEach(() => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  });

  it('emits a thrown error with its same-origin location and no stack', async () => {
    disposers.push(handlePageErrors());
    const { ctx, next } = recorder(() => 5);
    disposers.push(errorSensor(ctx));
    const seen = next('error struggle');
    setTimeout(() => {
      throw new Error('Checkout total is NaN');
    });
    const signal = await seen;
    expect(signal.at).to.equal(5);
    expect(signal.keys).to.equal(undefined);
    expect(signal.detail).to.match(/Checkout total is NaN \(\/src\/platform\/sensors\/error\.browser\.test\.ts:\d+\)$/);
    expect(signal.detail).not.to.contain('\n');
    expect(signal.detail).not.to.contain(' at ');
  });

  it('emits unhandled rejections, describing the reason', async () => {
    disposers.push(handlePageErrors());
    const { ctx, next } = recorder();
    disposers.push(errorSensor(ctx));
    const first = next('rejection struggle');
    void Promise.reject(new TypeError('fetch failed'));
    expect((await first).detail).to.equal('Unhandled rejection: TypeError: fetch failed');
    const second = next('rejection with a string');
    void Promise.reject('plain reason');
    expect((await second).detail).to.equal('Unhandled rejection: plain reason');
  });

  it('truncates long messages and omits the location of cross-origin scripts', () => {
    disposers.push(handlePageErrors());
    const { ctx, signals } = recorder();
    disposers.push(errorSensor(ctx, { detailMaxLength: 40 }));
    // An error event as the browser dispatches it for a script from another origin.
    window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.', filename: 'https://cdn.example.com/widget.js', lineno: 9 }));
    window.dispatchEvent(new ErrorEvent('error', { message: 'x'.repeat(500), filename: `${location.origin}/app.js`, lineno: 3 }));
    const details = signals.map((s) => (s as Struggle).detail!);
    expect(details[0]).to.equal('Script error.');
    expect(details[1]).to.have.length(40);
    expect(details[1]!.endsWith('…')).to.equal(true);
  });

  it('ignores resource load errors and stops after errorsPerMinute within a minute', () => {
    disposers.push(handlePageErrors());
    let clock = 0;
    const { ctx, signals } = recorder(() => clock);
    disposers.push(errorSensor(ctx, { errorsPerMinute: 2 }));
    const img = document.createElement('img');
    document.body.append(img);
    img.dispatchEvent(new Event('error')); // a broken image: not a script error, and it does not bubble
    img.remove();
    for (let i = 0; i < 4; i++) window.dispatchEvent(new ErrorEvent('error', { message: `loop ${i}` }));
    expect(signals.map((s) => (s as Struggle).detail)).to.deep.equal(['loop 0', 'loop 1']);
    clock += 60_000;
    window.dispatchEvent(new ErrorEvent('error', { message: 'a minute later' }));
    expect(signals).to.have.length(3);
  });
});
