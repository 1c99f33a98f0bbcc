// The page's cost of Waymark (script-tag bundle, built by `npm run build`):
//  1. script evaluation + init (config fetched and validated, state loaded from IndexedDB, sensors started);
//  2. sensor overhead while the page makes 10,000 DOM mutations per second (main-thread time with vs without);
//  3. JS heap and DOM nodes / listeners after 1,000 createWaymark()/destroy() cycles.
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { startServer, launch, median, fmt, root } from './_browser.mjs';

if (!existsSync(`${root}dist/cdn/waymark.js`)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
const demoConfig = existsSync(`${root}examples/waymark.config.json`) ? readFileSync(`${root}examples/waymark.config.json`, 'utf8') : '{"version":"1","experiences":[]}';

// A page of realistic size: ~3,000 nodes.
const filler = Array.from({ length: 300 }, (_, i) => `<section class="card"><h3>Card ${i}</h3><p>Text <a href="#${i}">link</a></p><ul><li>a</li><li>b</li><li>c</li></ul></section>`).join('');
const page = (withWaymark) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<header><nav><a data-waymark="new-project" href="#">New project</a></nav></header><main id="main">${filler}</main>
<script>window.__t0 = performance.now();</script>
${withWaymark ? `<script>window.waymark=window.waymark||function(){(window.waymark.q=window.waymark.q||[]).push(arguments)};
waymark('on', 'ready', function () { window.__readyAt = performance.now(); });</script>
<script type="module" src="/dist/cdn/waymark.js" data-config="/config.json"></script>` : ''}
</body></html>`;
// The config is served from memory next to the pages.
const { server, origin } = await startServer({ '/with.html': page(true), '/without.html': page(false), '/config.json': demoConfig });

const browser = await launch();
try {
  // 1. evaluation + init, cold page each round.
  const initTimes = [];
  const phaseRuns = [];
  const warmTimes = [];
  const scriptTimes = [];
  for (let round = 0; round < 9; round++) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    const cdp = await tab.createCDPSession();
    await cdp.send('Performance.enable');
    await tab.goto(`${origin}/with.html`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.waymark && window.waymark.instance);
    await tab.waitForFunction(() => window.__readyAt !== undefined);
    const { initMs, phases } = await tab.evaluate(async () => {
      // Stamped by an on('ready') listener queued before the bundle: when ready fired, not when we asked.
      const readyAt = window.__readyAt;
      const res = (part) => performance.getEntriesByType('resource').find((e) => e.name.includes(part));
      const bundle = res('waymark.js');
      const config = res('config.json');
      return {
        initMs: readyAt - window.__t0,
        phases: { bundleLoaded: bundle?.responseEnd - window.__t0, configRequested: config?.startTime - window.__t0, configLoaded: config?.responseEnd - window.__t0, ready: readyAt - window.__t0 },
      };
    });
    phaseRuns.push(phases);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    // A returning visitor: same profile (storage exists, bundle cached), page reloaded.
    await tab.reload({ waitUntil: 'load' });
    await tab.waitForFunction(() => window.waymark && window.waymark.instance);
    await tab.waitForFunction(() => window.__readyAt !== undefined);
    warmTimes.push(await tab.evaluate(() => window.__readyAt - window.__t0));
    initTimes.push(initMs);
    scriptTimes.push(metrics.ScriptDuration * 1000);
    await context.close();
  }

  // 2. sensor overhead under 10,000 mutations per second for 3 s.
  async function mutationCost(file) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    const cdp = await tab.createCDPSession();
    await cdp.send('Performance.enable');
    await tab.goto(`${origin}/${file}`, { waitUntil: 'load' });
    if (file === 'with.html') await tab.evaluate(() => window.waymark.instance.ready);
    await new Promise((r) => setTimeout(r, 300));
    const before = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const made = await tab.evaluate(
      () =>
        new Promise((resolve) => {
          const main = document.getElementById('main');
          const end = performance.now() + 3000;
          let count = 0;
          const tick = () => {
            // 10 mutations every millisecond of wall time, batched per task.
            const due = Math.min(10_000 * 3, Math.floor((performance.now() - (end - 3000)) * 10));
            while (count < due) {
              const el = main.children[count % main.children.length];
              if (count % 3 === 0) el.setAttribute('data-n', String(count));
              else if (count % 3 === 1) el.append(document.createElement('span'));
              else el.lastElementChild?.remove();
              count++;
            }
            if (performance.now() < end) setTimeout(tick, 1);
            else resolve(count);
          };
          tick();
        }),
    );
    await new Promise((r) => setTimeout(r, 200));
    const after = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await context.close();
    return { made, taskMs: (after.TaskDuration - before.TaskDuration) * 1000, scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000 };
  }
  const withoutRuns = [];
  const withRuns = [];
  for (let round = 0; round < 5; round++) {
    withoutRuns.push(await mutationCost('without.html'));
    withRuns.push(await mutationCost('with.html'));
  }

  // 3. 1,000 create/destroy cycles.
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  await tab.goto(`${origin}/with.html`, { waitUntil: 'load' });
  await tab.evaluate(() => window.waymark.instance.ready);
  const sample = async () => {
    // Let asynchronous disposal (stores closing) finish, then collect twice (weak caches clear on the second pass).
    await new Promise((r) => setTimeout(r, 300));
    await tab.evaluate(() => window.gc && (window.gc(), window.gc()));
    const heap = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters');
    return { heapKb: heap.usedSize / 1024, nodes: counters.nodes, listeners: counters.jsEventListeners };
  };
  const config = JSON.parse(demoConfig);
  const create = await tab.evaluate(async () => {
    const mod = await import('/dist/cdn/waymark.js');
    window.__create = await mod.loadWaymark();
    return typeof window.__create;
  });
  if (create !== 'function') throw new Error('createWaymark is not exported by the bundle');
  const cycles = (n) =>
    tab.evaluate(async (config, n) => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const wm = window.__create({ config, user: { id: 'bench' }, storage: { kind: 'memory' } });
        await wm.ready;
        wm.destroy();
      }
      return (performance.now() - t0) / n;
    }, config, n);
  // Warm up (code compiled, lazy caches filled), then two phases: a leak grows again in the second.
  await cycles(50);
  const base = await sample();
  const cycleMs = await cycles(1000);
  const mid = await sample();
  await cycles(1000);
  const end = await sample();
  await context.close();

  const sum = (runs, key) => median(runs.map((r) => r[key]));
  console.log('Waymark runtime — page cost (headless Chromium, ~3,000-node page, demo config)');
  console.log(`  script evaluation + init to ready   first visit (new profile) median ${fmt(median(initTimes))} ms; returning visit (reload) median ${fmt(median(warmTimes))} ms   (page ScriptDuration ${fmt(median(scriptTimes))} ms)`);
  const overhead = sum(withRuns, 'scriptMs') - sum(withoutRuns, 'scriptMs');
  const phase = (k) => fmt(median(phaseRuns.map((p) => p[k])), 1);
  console.log(`    phases (ms from the page's first script): bundle loaded ${phase('bundleLoaded')}, config requested ${phase('configRequested')}, config loaded ${phase('configLoaded')}, ready ${phase('ready')}`);
  console.log(`  10,000 mutations/s for 3 s (medians of 5, interleaved)`);
  console.log(`    script time without ${fmt(sum(withoutRuns, 'scriptMs'), 0)} ms, with ${fmt(sum(withRuns, 'scriptMs'), 0)} ms → sensor overhead ${fmt(overhead, 0)} ms per 3 s (${fmt((overhead / 3000) * 100, 1)} % of wall time)`);
  console.log(`    main-thread task time without ${fmt(sum(withoutRuns, 'taskMs'), 0)} ms, with ${fmt(sum(withRuns, 'taskMs'), 0)} ms; mutations made ${withRuns[0].made}`);
  console.log(`  create/destroy cycles (after 50 warm-up)  ${fmt(cycleMs, 3)} ms per cycle`);
  console.log(`    heap      ${fmt(base.heapKb, 0)} kB → ${fmt(mid.heapKb, 0)} after 1,000 → ${fmt(end.heapKb, 0)} after 2,000 (second 1,000: Δ ${fmt(end.heapKb - mid.heapKb, 0)} kB)`);
  console.log(`    DOM nodes ${base.nodes} → ${mid.nodes} → ${end.nodes};  listeners ${base.listeners} → ${mid.listeners} → ${end.listeners}`);
} finally {
  await browser.close();
  server.close();
}
