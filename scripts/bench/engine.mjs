// Decision-engine cost per signal (Node, no browser): src/engine bundled with esbuild, then fed
// generated configs of 10 / 100 / 1,000 experiences (mixed types and conditions). Reports the
// median and p95 time per signal for track, page, click and tick signals, plus a full
// re-evaluation of every experience (a `session` signal), and how each grows from 10 to 1,000.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'waymark-bench-engine-'));
const outfile = join(work, 'engine.mjs');
await build({ entryPoints: [join(root, 'src/engine/index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error' });
const { createEngine, initialState } = await import(pathToFileURL(outfile).href);
rmSync(work, { recursive: true, force: true });

const SIZES = [10, 100, 1000];
const ROUNDS = 1500;
const WARMUP = 300;
const EVENTS = Array.from({ length: 50 }, (_, i) => `event_${i}`);
const PAGES = Array.from({ length: 30 }, (_, i) => `/section-${i % 6}/page-${i}`);
const TARGETS = Array.from({ length: 40 }, (_, i) => `#target-${i}`);

/** A deterministic PRNG so every run measures the same configs and signals. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeConfig(size, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const condition = () => {
    switch (Math.floor(random() * 8)) {
      case 0: return { page: `/section-${Math.floor(random() * 6)}/*` };
      case 1: return { event: pick(EVENTS), count: { gte: 1 + Math.floor(random() * 3) }, within: '7d' };
      case 2: return { all: [{ page: pick(PAGES) }, { delay: `${5 + Math.floor(random() * 60)}s` }] };
      case 3: return { any: [{ trait: 'plan', equals: pick(['free', 'pro']) }, { event: pick(EVENTS), where: { kind: pick(['a', 'b']) } }] };
      case 4: return { all: [{ element: pick(TARGETS), state: 'visible' }, { not: { experience: `x${Math.floor(random() * size)}`, state: 'seen' } }] };
      case 5: return { struggle: 'rage-click', count: 2, within: '30s' };
      case 6: return { all: [{ rollout: 50, salt: 's' }, { stage: { atLeast: 'setup' } }] };
      default: return { all: [{ event: pick(EVENTS) }, { visited: pick(PAGES) }, { idle: '30s' }] };
    }
  };
  const experiences = Array.from({ length: size }, (_, i) => {
    const base = { id: `x${i}`, when: condition(), priority: Math.floor(random() * 5) };
    switch (i % 7) {
      case 0: return { ...base, type: 'tour', steps: [{ title: 'a', target: pick(TARGETS), advanceOn: { click: true } }, { title: 'b', page: pick(PAGES) }, { title: 'c', advanceOn: { event: pick(EVENTS) } }] };
      case 1: return { ...base, type: 'hint', target: pick(TARGETS), body: 'b', frequency: { every: '1m' } };
      case 2: return { ...base, type: 'beacon', target: pick(TARGETS), body: 'b' };
      case 3: return { ...base, type: 'checklist', title: 't', items: [1, 2, 3].map((n) => ({ id: `i${n}`, title: 'i', doneWhen: condition() })) };
      case 4: return { ...base, type: 'nudge', escalation: [{ kind: 'hint', body: 'h' }, { kind: 'chat' }] };
      case 5: return { ...base, type: 'announcement', display: random() < 0.5 ? 'modal' : 'banner', title: 't', frequency: { show: 'always', afterDismiss: '1m' } };
      default: return { ...base, type: 'survey', kind: 'nps', question: 'q', frequency: { show: 'always', every: '1h' } };
    }
  });
  return {
    version: '1',
    stages: [{ id: 'signup' }, { id: 'setup', enterWhen: { event: 'event_1' } }, { id: 'active', enterWhen: { event: 'event_2', count: { gte: 5 } } }],
    limits: { blockingPerSession: 1000, minGap: '0s' },
    experiences,
  };
}

function signalMaker(kind, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  switch (kind) {
    case 'track': return (at) => ({ type: 'track', at, name: pick(EVENTS), props: { kind: pick(['a', 'b']) } });
    case 'page': return (at) => ({ type: 'page', at, url: pick(PAGES) });
    case 'click': return (at) => ({ type: 'click', at, keys: [`css:${pick(TARGETS)}`] });
    case 'tick': return (at) => ({ type: 'tick', at });
    case 'session (all)': return (at) => ({ type: 'session', at, sessionId: 'bench' });
  }
}

function measure(size, kind) {
  const random = prng(size * 31 + kind.length);
  const engine = createEngine({ config: makeConfig(size, random), state: initialState('user-1', 0), origin: 'bench' });
  let at = 1_700_000_000_000;
  engine.dispatch({ type: 'session', at, sessionId: 'bench' });
  engine.dispatch({ type: 'identify', at, userId: 'user-1', traits: { plan: 'pro' } });
  for (const target of TARGETS) engine.dispatch({ type: 'element', at, key: `css:${target}`, present: true, visible: random() < 0.7 });
  // A realistic history: events and pages already seen.
  for (let i = 0; i < 300; i++) engine.dispatch(signalMaker(i % 2 ? 'track' : 'page', random)(at += 500));
  const next = signalMaker(kind, random);
  const times = [];
  let decisions = 0;
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    // Time moves on by 0.5–3 s per signal, so windows, delays and cooldowns keep expiring.
    at += 500 + Math.floor(random() * 2500);
    const signal = next(at);
    const start = process.hrtime.bigint();
    const effects = engine.dispatch(signal);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= WARMUP) {
      times.push(elapsed);
      decisions += effects.filter((effect) => effect.type === 'show' || effect.type === 'hide' || effect.type === 'checklist').length;
    }
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], decisions: decisions / ROUNDS };
}

const KINDS = ['track', 'page', 'click', 'tick', 'session (all)'];
const results = new Map();
for (const size of SIZES) for (const kind of KINDS) results.set(`${size}:${kind}`, measure(size, kind));

const ms = (value) => `${value.toFixed(3)}`;
const pad = (text, width) => String(text).padStart(width);
console.log(`\nengine: time per signal in ms, median / p95 (${ROUNDS} signals each, after ${WARMUP} warm-up)\n`);
console.log(['experiences', ...KINDS].map((cell, i) => pad(cell, i === 0 ? 11 : 17)).join(' '));
for (const size of SIZES) {
  const row = KINDS.map((kind) => {
    const { median, p95 } = results.get(`${size}:${kind}`);
    return pad(`${ms(median)} / ${ms(p95)}`, 17);
  });
  console.log([pad(size, 11), ...row].join(' '));
}
const growth = KINDS.map((kind) => pad(`×${(results.get(`1000:${kind}`).median / results.get(`10:${kind}`).median).toFixed(1)}`, 17));
console.log([pad('10→1000', 11), ...growth].join(' '));
const decisions = KINDS.map((kind) => pad(results.get(`1000:${kind}`).decisions.toFixed(2), 17));
console.log([pad('show/hide', 11), ...decisions].join(' '), '  (show, hide and checklist effects per signal, 1,000 experiences)');
