import { expect } from '@open-wc/testing';
import type { Requirements, Signal } from '../../engine/contract.js';
import { createSensorLoader, type SensorContext, type SensorName } from './index.js';

function context() {
  const signals: Signal[] = [];
  const errors: string[] = [];
  const ctx: SensorContext = { window, now: () => Date.now(), emit: (signal) => signals.push(signal), reportError: (error, where) => errors.push(`${where}: ${String(error)}`) };
  return { ctx, signals, errors };
}
const needs = (...sensors: SensorName[]): Requirements => ({ sensors: new Set(sensors), targets: new Map([['#wm-loader-target', '#wm-loader-target']]) });
const startUrl = location.href;

describe('the sensor loader: the route sensor at once, the others when their code is in', () => {
  afterEach(() => {
    document.getElementById('wm-loader-target')?.remove();
    history.replaceState(null, '', startUrl);
  });

  it('a route-only config loads nothing more and its route sensor runs at once', async () => {
    const loads: string[] = [];
    const loader = createSensorLoader((error, where) => loads.push(`${where}: ${String(error)}`));
    await loader.preload(['route']);
    const { ctx, signals } = context();
    const stop = loader.start(ctx, needs('route'));
    history.pushState(null, '', '/wm-loader-route');
    expect(signals.map((s) => s.type)).to.deep.equal(['page']);
    stop();
    expect(loads).to.deep.equal([]);
  });

  it('preloaded: the element sensor starts with the others, in the same task', async () => {
    const target = Object.assign(document.createElement('button'), { id: 'wm-loader-target', textContent: 'Target' });
    document.body.append(target);
    const loader = createSensorLoader(() => {});
    await loader.preload(['route', 'element']);
    const { ctx, signals } = context();
    const stop = loader.start(ctx, needs('route', 'element'));
    history.pushState(null, '', '/wm-loader-element');
    expect(signals.map((s) => s.type)).to.deep.equal(['page']);
    const deadline = Date.now() + 2000;
    while (!signals.some((s) => s.type === 'element') && Date.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
    expect(signals.find((s) => s.type === 'element')).to.include({ key: '#wm-loader-target', present: true });
    stop();
  });

  it('not preloaded: the sensors start when their code arrives, and not at all when stopped before', async () => {
    const target = Object.assign(document.createElement('button'), { id: 'wm-loader-target', textContent: 'Target' });
    document.body.append(target);
    const first = context();
    const stopEarly = createSensorLoader(() => {}).start(first.ctx, needs('element'));
    stopEarly();
    const second = context();
    const loader = createSensorLoader(() => {});
    const stop = loader.start(second.ctx, needs('element'));
    await loader.preload(['element']);
    const deadline = Date.now() + 2000;
    while (!second.signals.some((s) => s.type === 'element') && Date.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
    expect(second.signals.some((s) => s.type === 'element')).to.equal(true);
    expect(first.signals).to.deep.equal([]);
    stop();
  });
});
