// The heap part of the tours bench: what start/destroy cycles leave on the heap, measured the same way for every
// library. After a warm-up, several windows of cycles in a row; after each window, full GCs until the heap stops
// shrinking; the figure is the median window (a window is noisy on its own: V8 compiles and drops code when it
// likes), with the spread. Heap snapshots before and after the windows say what the growth is: new objects by
// node id (stable across snapshots of one page), net of the freed ones, split into V8's compiled code and
// internals, the browser's timing records and the page's own objects, with the functions whose code was compiled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../_browser.mjs';

/** Browser-side entries about timing (Long Animation Frame entries and the script records they hold). */
const TIMING_RECORD = /ScriptTimingInfo|PerformanceScriptTiming|LongAnimationFrame|AnimationFrameTiming/;
/** V8's own: compiled code and its metadata, feedback, internal lists (`system / …`), not objects a script made. */
const V8_INTERNAL = (type, name) => type === 'code' || (/^(hidden|array|object|native)$/.test(type) && name.startsWith('system /'));
const categoryOf = (type, name) => (V8_INTERNAL(type, name) ? 'code' : TIMING_RECORD.test(name) ? 'timing' : 'own');

const nextTask = (tab) => tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));

/**
 * The heap once garbage collection frees nothing more: full GCs, a task apart (weak callbacks and Blink's own
 * finalization run in tasks), until two in a row change neither the JS heap nor Blink's by 1 kB; at least three.
 */
export async function settledHeap(cdp, tab) {
  let last = null;
  for (let gcs = 1; gcs <= 12; gcs++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await nextTask(tab);
    const { usedSize, embedderHeapUsedSize = 0 } = await cdp.send('Runtime.getHeapUsage');
    const now = { js: usedSize, blink: embedderHeapUsedSize, gcs };
    if (gcs >= 3 && Math.abs(now.js - last.js) < 1024 && Math.abs(now.blink - last.blink) < 1024) return now;
    last = now;
  }
  return last;
}

/** A heap snapshot after settled GC, with its nodes indexed by id. */
async function takeSnapshot(cdp, tab) {
  await settledHeap(cdp, tab);
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const raw = chunks.join('');
  const snap = JSON.parse(raw);
  const f = snap.snapshot.meta.node_fields;
  const at = Object.fromEntries(['type', 'name', 'id', 'self_size', 'edge_count'].map((k) => [k, f.indexOf(k)]));
  const byId = new Map();
  for (let i = 0; i < snap.nodes.length; i += f.length) byId.set(snap.nodes[i + at.id], i);
  const type = (i) => snap.snapshot.meta.node_types[0][snap.nodes[i + at.type]];
  const name = (i) => snap.strings[snap.nodes[i + at.name]];
  const size = (i) => snap.nodes[i + at.self_size];
  return { snap, raw, f, at, byId, type, name, size };
}

/** For each node (index), the nodes that hold it by a strong edge, with the edge's name. Built on demand. */
function retainersOf(s) {
  const { snap, f, at } = s;
  const ef = snap.snapshot.meta.edge_fields;
  const edgeTypes = snap.snapshot.meta.edge_types[0];
  const [et, en, eto] = ['type', 'name_or_index', 'to_node'].map((k) => ef.indexOf(k));
  const held = new Map();
  for (let node = 0, e = 0; node < snap.nodes.length; node += f.length) {
    for (let k = 0; k < snap.nodes[node + at.edge_count]; k++, e += ef.length) {
      const kind = edgeTypes[snap.edges[e + et]];
      if (kind === 'weak') continue;
      const label = kind === 'element' || kind === 'hidden' ? `[${snap.edges[e + en]}]` : snap.strings[snap.edges[e + en]];
      const to = snap.edges[e + eto];
      if (!held.has(to)) held.set(to, []);
      held.get(to).push([node, label]);
    }
  }
  return held;
}

/**
 * The JS function a compiled-code object belongs to: up its retainers (breadth first, a few steps) to a closure or a
 * SharedFunctionInfo. Returns its node index, or -1.
 */
function ownerOfCode(s, held, node) {
  const seen = new Set([node]);
  let level = [node];
  for (let depth = 0; depth < 5 && level.length; depth++) {
    const next = [];
    for (const at of level) {
      for (const [from] of held.get(at) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        if (s.type(from) === 'closure' || /^system \/ SharedFunctionInfo/.test(s.name(from))) return from;
        next.push(from);
      }
    }
    level = next;
  }
  return -1;
}

/** What the objects in `after` but not in `before` are, net of those freed, by category and by type:name. */
function diffSnapshots(before, after) {
  const net = { code: 0, timing: 0, own: 0 };
  const byKey = new Map();
  const add = (s, i, sign) => {
    const type = s.type(i);
    const name = s.name(i);
    net[categoryOf(type, name)] += sign * s.size(i);
    const key = `${type}:${name.replace(/\s+/g, ' ').slice(0, 60)}`;
    const entry = byKey.get(key) ?? [0, 0];
    entry[0] += sign;
    entry[1] += sign * s.size(i);
    byKey.set(key, entry);
  };
  const added = [];
  for (const [id, i] of after.byId) {
    if (!before.byId.has(id)) {
      add(after, i, 1);
      added.push(i);
    }
  }
  for (const [id, i] of before.byId) if (!after.byId.has(id)) add(before, i, -1);
  return { net, byKey, added };
}

/**
 * Compiled code the windows added, by the function it belongs to, and whether that function already existed before
 * the windows (V8 compiling or optimizing it again: tier-up, bounded by the code there is) or was itself created
 * during them (a function, regex or template made anew per cycle: growth without bound).
 */
function codeOwners(before, after, added) {
  const held = retainersOf(after);
  const owners = new Map();
  const totals = { existing: [0, 0], created: [0, 0], unknown: [0, 0] };
  for (const i of added) {
    if (categoryOf(after.type(i), after.name(i)) !== 'code') continue;
    const owner = ownerOfCode(after, held, i);
    const kind = owner < 0 ? 'unknown' : before.byId.has(after.snap.nodes[owner + after.at.id]) ? 'existing' : 'created';
    totals[kind][0]++;
    totals[kind][1] += after.size(i);
    if (owner < 0) continue;
    const label = `${after.type(owner) === 'closure' ? `${after.name(owner) || '(anonymous)'}()` : after.name(owner).replace('system / SharedFunctionInfo / ', 'sfi ')}${kind === 'created' ? ' [new]' : ''}`;
    const entry = owners.get(label) ?? [0, 0];
    entry[0]++;
    entry[1] += after.size(i);
    owners.set(label, entry);
  }
  return { totals, top: [...owners].map(([owner, [count, bytes]]) => [owner, count, bytes]).sort((a, b) => b[2] - a[2]).slice(0, 12) };
}

/** Long Animation Frame entries the browser holds for the page, with their longest scripts (it buffers the first 200). */
const bufferedLoafs = (tab) =>
  tab.evaluate(
    () =>
      new Promise((resolve) => {
        if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return resolve(null);
        const done = (entries) => {
          observer.disconnect();
          resolve(
            entries.map((e) => ({
              duration: Math.round(e.duration),
              blocking: Math.round(e.blockingDuration),
              render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
              styleLayout: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
              scripts: e.scripts.length,
              longest: [...e.scripts]
                .sort((a, b) => b.duration - a.duration)
                .slice(0, 2)
                .map((x) => `${x.invokerType} ${x.invoker} ${Math.round(x.duration)} ms (forced style+layout ${Math.round(x.forcedStyleAndLayoutDuration)})`),
            })),
          );
        };
        const observer = new PerformanceObserver((list) => done(list.getEntries()));
        observer.observe({ type: 'long-animation-frame', buffered: true });
        setTimeout(() => done([]), 500);
      }),
  );

const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/**
 * Heap growth per start/destroy cycle: `windows` windows of `cycles` cycles after `warmup` cycles, each window's
 * growth after settled GC, JS heap (V8) and Blink's heap apart. `attribute`: snapshots before and after the windows
 * split the growth and name the code compiled; `saveTo`: a directory to write those snapshots to.
 */
export async function heapWindows(openPage, name, { warmup, windows, cycles, attribute = false, saveTo = null }) {
  const { context, tab, cdp, errors } = await openPage(name);
  try {
    await tab.evaluate(() => window.tourBench.ready());
    await tab.evaluate((n) => window.tourBench.cycles(n), warmup);
    const snapBefore = attribute ? await takeSnapshot(cdp, tab) : null;
    const first = await settledHeap(cdp, tab);
    // After GC: nodes the warm-up left for the collector are not counted as freed by the windows.
    const dom = await cdp.send('Memory.getDOMCounters');
    const js = [];
    const blink = [];
    const gcs = [];
    const cycleMs = [];
    let before = first;
    for (let w = 0; w < windows; w++) {
      const t0 = Date.now();
      await tab.evaluate((n) => window.tourBench.cycles(n), cycles);
      cycleMs.push((Date.now() - t0) / cycles);
      const after = await settledHeap(cdp, tab);
      js.push((after.js - before.js) / cycles);
      blink.push((after.blink - before.blink) / cycles);
      gcs.push(after.gcs);
      before = after;
    }
    const domAfter = await cdp.send('Memory.getDOMCounters');
    const result = {
      js: spread(js),
      blink: spread(blink),
      jsWindows: js,
      blinkWindows: blink,
      // Over all the windows at once: the long-run slope, which the median should agree with.
      jsOverall: (before.js - first.js) / (windows * cycles),
      gcs: spread(gcs),
      msPerCycle: median(cycleMs),
      nodes: domAfter.nodes - dom.nodes,
      listeners: domAfter.jsEventListeners - dom.jsEventListeners,
      errors,
    };
    if (attribute) {
      const snapAfter = await takeSnapshot(cdp, tab);
      const { net, byKey, added } = diffSnapshots(snapBefore, snapAfter);
      const perCycle = (bytes) => bytes / (windows * cycles);
      result.split = { code: perCycle(net.code), timing: perCycle(net.timing), own: perCycle(net.own) };
      result.byKey = [...byKey].filter(([, [, bytes]]) => bytes !== 0).sort((a, b) => Math.abs(b[1][1]) - Math.abs(a[1][1])).slice(0, 16).map(([k, [c, b]]) => [k, c, b]);
      result.code = codeOwners(snapBefore, snapAfter, added);
      if (saveTo) {
        writeFileSync(join(saveTo, `${name}-before.heapsnapshot`), snapBefore.raw);
        writeFileSync(join(saveTo, `${name}-after.heapsnapshot`), snapAfter.raw);
      }
    }
    // Last: reading the buffer creates objects of its own.
    result.loafs = await bufferedLoafs(tab);
    return result;
  } finally {
    await context.close();
  }
}

/** A CPU profile of `count` start/destroy cycles after `warmup` (a page of its own): what in a cycle takes the time. */
export async function profileCycles(openPage, name, { warmup, count }) {
  const { context, tab, cdp } = await openPage(name);
  try {
    await tab.evaluate(() => window.tourBench.ready());
    await tab.evaluate((n) => window.tourBench.cycles(n), warmup);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await tab.evaluate((n) => window.tourBench.cycles(n), count);
    const ms = (Date.now() - t0) / count;
    return { ms, profile: (await cdp.send('Profiler.stop')).profile };
  } finally {
    await context.close();
  }
}
