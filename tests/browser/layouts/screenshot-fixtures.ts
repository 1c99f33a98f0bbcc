/**
 * The layout fixtures as standalone pages, for screenshots (screenshots.mjs). Test-owned static
 * markup only; Waymark renders the steps exactly as in the browser tests.
 */
import { createRenderer } from '../../../src/ui/index.js';
import type { Experience } from '../../../src/config/types.js';

interface Fixture {
  markup: string;
  experiences: Experience[];
  locale?: string;
  setup?(): void;
}

const step = (target: string, extra: object = {}): Experience => ({
  id: 'tour',
  type: 'tour',
  steps: [
    { target, title: 'Create a project', body: 'Projects hold your **boards** and [members](https://example.com/kb).', ...extra },
    { title: 'Next', body: 'More' },
    { title: 'Last', body: 'Done' },
  ],
});

const filler = (h: number) => `<div style="height:${h}px;background:repeating-linear-gradient(#fafafa 0 20px,#f0f0f0 20px 40px)"></div>`;

export const FIXTURES: Record<string, Fixture> = {
  nested: {
    markup: `<div id="outer" style="height:500px;overflow:auto;border:1px solid #ccc;margin:20px">${filler(300)}
      <div id="inner" style="height:220px;overflow:auto;border:2px solid #888;margin:0 40px">${filler(300)}<button id="target">Deep target</button>${filler(600)}</div>${filler(800)}</div>`,
    experiences: [step('#target', { spotlight: true })],
  },
  'fixed-header': {
    markup: `<header style="position:fixed;top:0;left:0;right:0;height:80px;background:#123;color:#fff;z-index:2147483647;padding:20px;box-sizing:border-box">Fixed header (z-index max)</header>${filler(1500)}<button id="target">Below the fold</button>${filler(1500)}`,
    experiences: [step('#target', { placement: 'top' })],
    setup: () => window.scrollTo(0, 0),
  },
  sticky: {
    markup: `<div id="scroller" style="height:500px;overflow:auto;margin:10px;border:1px solid #ccc">${filler(120)}
      <div style="position:sticky;top:0;background:#eee;padding:8px;z-index:10"><button id="target">Sticky action</button></div>${filler(1500)}</div>`,
    experiences: [step('#target')],
  },
  transformed: {
    markup: `<div style="padding:60px"><div style="transform:translate(60px,40px) scale(0.85);transform-origin:0 0;border:1px dashed #999;padding:20px">
      <button id="target">Under a transform</button></div></div>`,
    experiences: [step('#target', { placement: 'right', spotlight: true })],
  },
  rtl: {
    markup: `<div style="padding:100px"><button id="target">هدف</button></div>`,
    locale: 'ar',
    setup: () => (document.documentElement.dir = 'rtl'),
    experiences: [
      {
        id: 'tour',
        type: 'tour',
        steps: [
          { target: '#target', title: 'إنشاء مشروع', body: 'المشاريع تحتوي على **اللوحات**.', placement: 'bottom-start' },
          { title: 'x' },
        ],
      },
    ],
  },
  narrow: {
    markup: `${filler(900)}<button id="target" style="width:200px">Narrow target</button>${filler(900)}`,
    experiences: [step('#target', { spotlight: true })],
  },
  zoom: {
    markup: `<div style="padding:40px 60px"><button id="target">Zoomed 200 %</button></div>`,
    setup: () => (document.documentElement.style.zoom = '2'),
    experiences: [step('#target')],
  },
  'hints-beacons': {
    markup: `<div style="display:grid;grid-template-columns:repeat(3,160px);gap:80px;padding:80px">
      <button id="a">Export</button><button id="b">Reports</button><button id="c">Settings</button></div>`,
    experiences: [
      { id: 'h1', type: 'hint', target: '#a', title: 'Export', body: 'Exports go to your e-mail.', openOn: 'trigger' },
      { id: 'b1', type: 'beacon', target: '#b', title: 'New: reports', body: 'Reports now update live.' },
      { id: 'b2', type: 'beacon', target: '#c', title: 'Settings', body: 'Moved here.' },
    ],
  },
  centered: {
    markup: `<div style="padding:40px">${filler(600)}</div>`,
    experiences: [{ id: 'tour', type: 'tour', steps: [{ title: 'Welcome to Acme', body: 'A quick tour:\n\n- projects\n- boards\n- sharing', image: undefined }, { title: 'x' }] }],
  },
};

export function renderFixture(name: string, dark = false): void {
  const fixture = FIXTURES[name];
  if (!fixture) throw new Error(`no fixture ${name}`);
  const host = document.createElement('div');
  host.innerHTML = fixture.markup;
  document.body.append(host);
  fixture.setup?.();
  const renderer = createRenderer({
    window,
    locale: fixture.locale ?? 'en',
    theme: dark ? { mode: 'dark' } : undefined,
    articles: new Map(),
    act: () => {},
    reportError: (error, where) => console.error(where, error),
  });
  for (const experience of fixture.experiences) renderer.show({ experience });
}

(window as unknown as { wmRenderFixture: typeof renderFixture }).wmRenderFixture = renderFixture;
