import { expect } from '@open-wc/testing';
import { applyTheme } from './theme.js';

/** A host whose shadow styles use the tokens the way components do (shorthands that accept images). */
function themedHost(): { host: HTMLElement; dispose: () => void } {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = '.b { background: var(--wm-accent); font: 16px var(--wm-font); width: 40px; height: 40px; }';
  const box = document.createElement('div');
  box.className = 'b';
  box.textContent = 'x';
  root.append(style, box);
  document.body.append(host);
  return { host, dispose: () => host.remove() };
}

const requested = (marker: string): boolean =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(marker));

const settle = async (): Promise<void> => {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 200));
};

describe('applyTheme', () => {
  it('never applies a value that would load a resource, though CSS.supports accepts it', async () => {
    const { host, dispose } = themedHost();
    const accent = 'var(--x, url(/theme-probe-accent.png))';
    const fontFamily = 'var(--y, url(/theme-probe-font.png))';
    expect(CSS.supports('color', accent)).to.equal(true);
    const undo = applyTheme(host, { accent, fontFamily });
    await settle();
    expect(host.style.getPropertyValue('--wm-accent')).to.equal('');
    expect(host.style.getPropertyValue('--wm-font')).to.equal('');
    expect(requested('theme-probe')).to.equal(false);
    undo();
    dispose();
  });

  it('still applies colours and font stacks, and removes them again', async () => {
    const { host, dispose } = themedHost();
    const undo = applyTheme(host, { accent: 'rgb(37 99 235)', fontFamily: "'Segoe UI', sans-serif", radius: 4 });
    expect(host.style.getPropertyValue('--wm-accent')).to.equal('rgb(37 99 235)');
    expect(host.style.getPropertyValue('--wm-font')).to.contain('Segoe UI');
    expect(host.style.getPropertyValue('--wm-radius')).to.equal('4px');
    undo();
    expect(host.style.getPropertyValue('--wm-accent')).to.equal('');
    dispose();
  });
});
