/**
 * In-page half of the tours benchmark: the same measurements for every library, through a small
 * adapter (start, next, destroy, where its step cards are). Exposed as `window.tourBench`.
 */
export interface BenchStep {
  selector: string;
  title: string;
  text: string;
}

export interface TourAdapter {
  /** Resolves when the library can start a tour (absent: as soon as it is created). */
  ready?(): Promise<void>;
  /**
   * The script files `ready` waits for, by path (absent: every script file the page loaded before ready). A file
   * fetched alongside but not awaited (a preloaded UI chunk) would otherwise count as a wait that is not there.
   */
  readyFiles?: RegExp;
  start(): void;
  next(): void;
  destroy(): void;
  /** Every step card the library has in the DOM (visible or not). */
  cards(): Iterable<Element>;
  titleOf(card: Element): string | null;
}

export interface ScrollResult {
  frames: number;
  /** Frames on which the card's offset from its target differed from the first frame's by more than 1 px. */
  detached: number;
  /** Largest such difference, px. */
  maxDrift: number;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The card sits beside its target: not over it, at most 60 px away, and level with it on the other axis. */
function besideTarget(card: DOMRect, target: DOMRect): boolean {
  const gaps = [card.top - target.bottom, target.top - card.bottom, card.left - target.right, target.left - card.right];
  return gaps.some((gap, i) => {
    if (gap < -1 || gap > 60) return false;
    return i < 2
      ? Math.min(card.right, target.right) - Math.max(card.left, target.left) > 0
      : Math.min(card.bottom, target.bottom) - Math.max(card.top, target.top) > 0;
  });
}

/**
 * The card showing `title`, if it is on screen beside `target`: rendered, not hidden, not transparent, with a size.
 * Reading its computed style and rect flushes style and layout, so "shown" includes that work.
 */
function shownCard(adapter: TourAdapter, title: string, target: Element, ignoreOpacity = false): Element | null {
  for (const card of adapter.cards()) {
    if (adapter.titleOf(card)?.trim() !== title) continue;
    const style = getComputedStyle(card);
    if (style.display === 'none' || style.visibility !== 'visible') continue;
    if (!ignoreOpacity && Number(style.opacity) === 0) continue;
    const rect = card.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0 && besideTarget(rect, target.getBoundingClientRect())) return card;
  }
  return null;
}

export interface ShownTimes {
  /** performance.now() when the card was laid out in place, not hidden, even if still transparent. */
  placedAt: number;
  /** performance.now() when it was also not fully transparent (a fade-in had begun). */
  shownAt: number;
}

/**
 * Resolves at the first moment the step card is shown. Checked right away,
 * after every DOM mutation batch (light DOM), on Waymark's step-change event (shadow DOM) and
 * every frame (for cards that appear through an animation).
 */
function whenShown(adapter: TourAdapter, step: BenchStep, timeoutMs = 5000): Promise<ShownTimes> {
  const { title } = step;
  const target = document.querySelector(step.selector)!;
  return new Promise((resolve, reject) => {
    let done = false;
    let placedAt: number | undefined;
    const started = performance.now();
    const finish = (at: number | Error) => {
      done = true;
      observer.disconnect();
      document.removeEventListener('wm-step-change', check);
      if (at instanceof Error) reject(at);
      else resolve({ placedAt: placedAt ?? at, shownAt: at });
    };
    const check = () => {
      if (done) return;
      if (placedAt === undefined && shownCard(adapter, title, target, true)) placedAt = performance.now();
      if (placedAt !== undefined && shownCard(adapter, title, target)) finish(performance.now());
      else if (performance.now() - started > timeoutMs) finish(new Error(`"${title}" never shown`));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener('wm-step-change', check);
    const onFrame = () => {
      check();
      if (!done) requestAnimationFrame(onFrame);
    };
    check();
    if (!done) requestAnimationFrame(onFrame);
  });
}

export interface ReadyTimes {
  /** ms from the start of module evaluation to ready, waiting for script files included. */
  fromEval: number;
  /** ms from the moment the last script file ready waits for had arrived (or evaluation began, if later). */
  fromFiles: number;
}

/** Ready now: how long since evaluation began, and since every script file it waits for (`files`; absent: all so far) was in. */
function readyTimes(evalStart: number, files?: RegExp): ReadyTimes {
  const now = performance.now();
  const scripts = performance.getEntriesByType('resource').filter((entry) => {
    const path = new URL(entry.name).pathname;
    return /\.m?js$/.test(path) && (!files || files.test(path)) && entry.responseEnd <= now;
  });
  const filesIn = Math.max(evalStart, ...scripts.map((entry) => entry.responseEnd));
  return { fromEval: now - evalStart, fromFiles: now - filesIn };
}

export function install(createAdapter: (steps: BenchStep[]) => TourAdapter, steps: BenchStep[], innerStartScroll: number): void {
  // The page's module scripts begin to run (an inline module before them sets it): the start of eval → ready.
  const evalStart = (window as unknown as { benchEvalStart?: number }).benchEvalStart ?? performance.now();
  const adapter = createAdapter(steps);
  const ready = (adapter.ready?.() ?? Promise.resolve()).then(() => readyTimes(evalStart, adapter.readyFiles));
  const inner = document.getElementById('inner')!;
  const firstTarget = document.querySelector(steps[0]!.selector)!;

  /** ms from start() until the first step is placed / shown; waits two frames after so it is painted. */
  async function start(): Promise<{ placed: number; shown: number }> {
    inner.scrollTop = innerStartScroll;
    const t0 = performance.now();
    adapter.start();
    const { placedAt, shownAt } = await whenShown(adapter, steps[0]!);
    await nextFrame();
    await nextFrame();
    return { placed: placedAt - t0, shown: shownAt - t0 };
  }

  /** ms per step change for every step after the first. */
  async function stepChanges(): Promise<Array<{ placed: number; shown: number }>> {
    const times: Array<{ placed: number; shown: number }> = [];
    for (const step of steps.slice(1)) {
      const t0 = performance.now();
      adapter.next();
      const { placedAt, shownAt } = await whenShown(adapter, step);
      times.push({ placed: placedAt - t0, shown: shownAt - t0 });
      await nextFrame();
      await nextFrame();
    }
    return times;
  }

  async function settle(frames = 30): Promise<void> {
    for (let i = 0; i < frames; i++) await nextFrame();
  }

  /**
   * Scroll the inner container 2 px per frame for `frames` frames with the first step open. The
   * scroll is applied in a task between frames, as a user's scroll reaches the page, and each frame
   * is judged after its layout (a ResizeObserver callback), i.e. what gets painted.
   */
  function scroll(frames = 120, where: 'container' | 'window' = 'container'): Promise<ScrollResult> {
    const scroller = where === 'window' ? document.scrollingElement! : inner;
    const card = shownCard(adapter, steps[0]!.title, firstTarget);
    const innerRect = inner.getBoundingClientRect();
    const targetRect = firstTarget.getBoundingClientRect();
    // Move the target towards the middle's far side, so it stays well inside the container.
    const delta = where === 'window' ? 2 : targetRect.top + targetRect.height / 2 < innerRect.top + innerRect.height / 2 ? -2 : 2;
    const offset = () => {
      const t = firstTarget.getBoundingClientRect();
      const c = card!.getBoundingClientRect();
      return { x: c.left - t.left, y: c.top - t.top };
    };
    const first = card ? offset() : null;
    const probe = document.createElement('div');
    probe.style.cssText = 'position:fixed;left:0;top:0;height:1px;width:1px;pointer-events:none;opacity:0';
    document.body.append(probe);
    const result: ScrollResult = { frames: 0, detached: 0, maxDrift: 0 };
    return new Promise((resolve) => {
      const observer = new ResizeObserver(() => {
        if (result.frames === 0) return;
        if (card && first) {
          const now = offset();
          const drift = Math.max(Math.abs(now.x - first.x), Math.abs(now.y - first.y));
          if (drift > 1) result.detached++;
          result.maxDrift = Math.max(result.maxDrift, drift);
        }
      });
      observer.observe(probe);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        scroller.scrollTop += delta;
      };
      const onFrame = () => {
        if (result.frames === frames) {
          observer.disconnect();
          channel.port1.close();
          probe.remove();
          resolve(result);
          return;
        }
        result.frames++;
        // A new size each frame makes the observer report after this frame's layout.
        probe.style.width = `${1 + (result.frames % 2)}px`;
        channel.port2.postMessage(null);
        requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
    });
  }

  /**
   * `count` start/destroy cycles, each waiting for its first step on screen, then for the next frame, as a user's
   * would: back to back without a frame, the whole loop is one task (starts and destroys chain through promises),
   * which the browser records as one Long Animation Frame of seconds, holding a record of every script in it.
   */
  async function cycles(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      adapter.start();
      await whenShown(adapter, steps[0]!);
      adapter.destroy();
      await nextFrame();
    }
    await settle(3);
  }

  (window as unknown as { tourBench: object }).tourBench = {
    start,
    stepChanges,
    destroy: () => adapter.destroy(),
    settle,
    scroll,
    scrollWindow: (frames = 120) => scroll(frames, 'window'),
    resetWindowScroll: () => void (document.scrollingElement!.scrollTop = 0),
    ready: () => ready,
    cycles,
    elements: () => document.getElementsByTagName('*').length,
  };
}

/** For the no-library baseline: scrolling and idle cost of the page alone. */
export function installBaseline(innerStartScroll: number): void {
  const inner = document.getElementById('inner')!;
  inner.scrollTop = innerStartScroll;
  install(
    () => ({ start() {}, next() {}, destroy() {}, cards: () => [], titleOf: () => null }),
    [{ selector: '#t0', title: '', text: '' }],
    innerStartScroll,
  );
}
