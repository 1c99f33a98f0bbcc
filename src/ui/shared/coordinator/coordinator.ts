/**
 * One coordinator for everything a Waymark renderer puts on screen. Each surface registers its
 * kind and gets a slot; the coordinator decides what stays on top (the debug overlay above the
 * rest), stacks floating surfaces that share a corner instead of letting them overlap, and steps
 * non-blocking surfaces out of the way (hidden and `inert`) while the host's own modal dialog or
 * navigation drawer is open, and keeps every surface off the element the current tour step asks
 * the user to use. It also knows where focus may fall back when a surface closes.
 * Created per renderer, lazily: no observer runs until the first surface registers. What only surfaces floating on
 * their own need (corners, banners, beside an opener, the debug overlay) is a chunk of its own, arranged.ts: a page
 * showing a tour alone never loads it.
 */
import type { HostSettings } from '../../../config/types.js';
import type { DismissibleStack } from '../dismissible-stack.js';
import { deepActiveElement } from '../focus.js';
import { fallbackFocusIn, guardFocus, waymarkHostOf } from './focus-return.js';
import type { Arrangement } from './arranged.js';
import { createHostLayers } from './host-layers.js';

/**
 * - `modal`: blocks the page (a modal announcement, a modal tour step); never steps aside.
 * - `popover`: anchored beside an element of the page (hint, beacon card, tour step).
 * - `corner`: a floating card or panel in a corner (checklist panel, survey, nudge, help panel).
 * - `launcher`: a floating button in a corner; nearest the edge, the corner's cards stack above it.
 * - `banner`: a full-width strip at an edge.
 * - `debug`: the debug overlay, always above every other surface.
 */
export type SurfaceKind = 'modal' | 'popover' | 'corner' | 'launcher' | 'banner' | 'debug';
export type Corner = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';

export interface SurfaceOptions {
  kind: SurfaceKind;
  /** The boxes drawn on screen now (a card, a panel and its launcher), or none. Default: the host's open popovers and dialogs. */
  boxes?: () => ReadonlyArray<Element | null | undefined>;
  /** For `corner` and `launcher`: which corner it floats in (default `bottom-end`). */
  corner?: Corner;
  /**
   * A panel opened from a control of the page (the header's Help button) opens next to it, below
   * it, instead of in its corner, on screens wider than a phone. Default: in its corner.
   */
  besideOpener?: boolean;
}

export interface SurfaceSlot {
  /** Layout changed (opened, closed, resized): place every surface again. */
  update(): void;
  /** Leave the coordinator: the host gets back its own visibility and `inert`. */
  dispose(): void;
}

export interface SurfaceCoordinator {
  register(host: HTMLElement, options: SurfaceOptions): SurfaceSlot;
  /**
   * Settles once everything a surface with `options` needs to be placed is loaded (at once for anchored cards and
   * modals): a renderer waits for it alongside the surface's own chunk, so the surface is placed from its first frame.
   */
  prepare(options: SurfaceOptions): Promise<void>;
  /** Host overlays and main landmark from the config (`host`). */
  setHost(settings: HostSettings | undefined): void;
  /**
   * The element a step asks the user to use (click, type into): until the disposer is called,
   * corner surfaces move off it (or step aside when their corner has no room left) and a banner
   * over it steps aside. The surface that asked (the step's own card) is not moved.
   */
  keepClear(element: Element): () => void;
  /** Whether the host page has its own modal dialog or navigation drawer open now. */
  hostOverlayOpen(): boolean;
  /** Where focus goes when a surface closes and its opener is gone: the host's main landmark, else the page's first focusable element. */
  fallbackFocus(): HTMLElement | null;
  /**
   * Keep focus off `<body>` when a Waymark surface that held it closes or hides: it goes back to
   * the page control focused before it (if still there), else `fallbackFocus()`. Returns its disposer.
   */
  guardFocus(): () => void;
  dispose(): void;
}

/** Surfaces that stay put while the host shows its own modal: they are modal themselves, or diagnostics. */
const STAYS_VISIBLE: ReadonlySet<SurfaceKind> = new Set(['modal', 'debug']);

export interface SurfaceEntry {
  host: HTMLElement;
  options: SurfaceOptions;
  /** The page control focused when it opened, for `besideOpener`. */
  opener: WeakRef<HTMLElement> | null;
}

/** What a host had before it stepped aside. */
interface Saved {
  inert: boolean;
  visibility: string;
}

/** Surfaces that float on their own (a corner, an edge, beside their opener, the debug overlay) need the arrangement (arranged.ts). */
const needsArrangement = (options: SurfaceOptions): boolean => (options.kind !== 'modal' && options.kind !== 'popover') || Boolean(options.besideOpener);

const NOTHING_ARRANGED = { yielding: new Set<HTMLElement>(), crowded: new Set<HTMLElement>() };

/**
 * Where every layer sharing this stack goes on screen and which is on top: one coordinator per stack (so per
 * renderer), created on first use by whichever surface comes first.
 */
export const surfacesOf = (stack: DismissibleStack): SurfaceCoordinator => stack.companion(createSurfaceCoordinator);

export function createSurfaceCoordinator(win: Window): SurfaceCoordinator {
  const doc = win.document;
  const entries: SurfaceEntry[] = [];
  const aside = new Map<HTMLElement, Saved>();
  /** Elements the current step asks the user to use: nothing of ours may cover them. */
  const keptClear = new Set<Element>();
  let host: HostSettings | undefined;
  let observer: MutationObserver | null = null;
  let resizes: ResizeObserver | null = null;
  let frame = 0;
  /** Corner stacking, panels beside their openers, banners yielding, the debug overlay on top: loaded with the first surface that needs them. */
  let arrangement: Arrangement | null = null;
  let arriving: Promise<void> | null = null;
  const fallbackFocus = () => fallbackFocusIn(doc, host?.main);

  /** The host's own layers open now: its modal dialogs, and the drawers the config declares. */
  const hostLayers = createHostLayers(doc, {
    overlays: () => host?.overlays,
    flush: () => {
      if (observer) onMutations(observer.takeRecords());
      return observer !== null;
    },
  });

  const hostOverlayOpen = (): boolean => {
    const open = hostLayers.open();
    return open.modal || open.drawers.length > 0;
  };

  const stepAside = (element: HTMLElement, away: boolean) => {
    const saved = aside.get(element);
    if (away && !saved) {
      aside.set(element, { inert: element.inert, visibility: element.style.getPropertyValue('visibility') });
      element.inert = true;
      // Inherited through the shadow tree, top-layer popovers included.
      element.style.setProperty('visibility', 'hidden');
      element.setAttribute('data-wm-stepped-aside', '');
    } else if (!away && saved) {
      aside.delete(element);
      element.inert = saved.inert;
      if (saved.visibility) element.style.setProperty('visibility', saved.visibility);
      else element.style.removeProperty('visibility');
      element.removeAttribute('data-wm-stepped-aside');
    }
  };

  const boxesOf = (entry: SurfaceEntry): HTMLElement[] => {
    const given = entry.options.boxes ? entry.options.boxes() : (entry.host.shadowRoot?.querySelectorAll(':popover-open, dialog[open]') ?? []);
    return Array.from(given).filter((box): box is HTMLElement => box instanceof HTMLElement);
  };

  const visibleBoxes = (entry: SurfaceEntry): HTMLElement[] =>
    boxesOf(entry).filter((box) => {
      if (!box.isConnected || !box.checkVisibility()) return false;
      const rect = box.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0;
    });

  const layout = () => {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    arrangement?.place();
    const open = hostLayers.open();
    const away = open.modal || open.drawers.length > 0;
    const { yielding, crowded } = arrangement?.stack(away) ?? NOTHING_ARRANGED;
    const hosts = new Set(entries.map((entry) => entry.host));
    for (const element of hosts) {
      const own = entries.filter((entry) => entry.host === element);
      if (own.some((entry) => STAYS_VISIBLE.has(entry.options.kind))) {
        stepAside(element, false);
        continue;
      }
      // A card anchored in the page stays beside a drawer it does not cover (it may point into it).
      const anchored = own.every((entry) => entry.options.kind === 'popover');
      const coversDrawer = () => own.some((entry) => visibleBoxes(entry).some((box) => open.drawers.some((drawer) => intersects(box.getBoundingClientRect(), drawer))));
      const hostInTheWay = open.modal || (open.drawers.length > 0 && (!anchored || coversDrawer()));
      stepAside(element, hostInTheWay || crowded.has(element) || yielding.has(element));
    }
    for (const entry of entries) for (const box of boxesOf(entry)) resizes?.observe(box);
    for (const element of keptClear) resizes?.observe(element);
    arrangement?.raise();
  };

  /** Load the arrangement when `options` need it; once it is in, every surface is placed again at once. */
  const prepare = (options: SurfaceOptions): Promise<void> => {
    if (arrangement || !needsArrangement(options)) return Promise.resolve();
    arriving ??= import('./arranged.js').then(
      ({ createArrangement }) => {
        arrangement ??= createArrangement({ win, entries, aside, keptClear, boxesOf, visibleBoxes });
        if (entries.length > 0) layout();
      },
      () => {
        // Offline, say: surfaces still show, unstacked; the next one that needs it tries again.
        arriving = null;
      },
    );
    return arriving;
  };

  const schedule = () => {
    if (frame || entries.length === 0) return;
    frame = win.requestAnimationFrame(layout);
  };
  /**
   * A scrolled step target can only meet what does not scroll with the page: a corner surface or a
   * banner. With none (a tour alone), scrolling costs no layout pass of ours.
   */
  const scheduleOnScroll = () => {
    if (entries.some((entry) => entry.options.kind === 'corner' || entry.options.kind === 'launcher' || entry.options.kind === 'banner')) schedule();
  };

  const onMutations = (records: MutationRecord[]) => {
    hostLayers.changed(records);
    if (records.length > 0) schedule();
  };

  const start = () => {
    if (observer) return;
    // The window's own constructors: the coordinator may serve another window (a frame).
    const view = win as Window & typeof globalThis;
    hostLayers.reset();
    observer = new view.MutationObserver(onMutations);
    observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['open', 'aria-modal', 'class', 'hidden', 'style'] });
    resizes = new view.ResizeObserver(schedule);
    win.addEventListener('resize', schedule);
    // The surface holding focus keeps its place in its corner.
    doc.addEventListener('focusin', schedule);
  };

  const stop = () => {
    observer?.disconnect();
    resizes?.disconnect();
    win.removeEventListener('resize', schedule);
    doc.removeEventListener('focusin', schedule);
    observer = null;
    hostLayers.reset();
    resizes = null;
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  };

  return {
    register(element, options) {
      const active = deepActiveElement(doc);
      const opener = active instanceof HTMLElement && active !== doc.body && !waymarkHostOf(active) ? new WeakRef(active) : null;
      const entry: SurfaceEntry = { host: element, options, opener };
      entries.push(entry);
      start();
      // Normally in already (see `prepare`); else it places this surface again as soon as it is.
      void prepare(options);
      // At once: a surface that opens while the host's modal is open is never seen over it.
      layout();
      return {
        update: () => {
          if (entries.includes(entry)) layout();
        },
        dispose: () => {
          const index = entries.indexOf(entry);
          if (index < 0) return;
          entries.splice(index, 1);
          if (!entries.some((other) => other.host === element)) stepAside(element, false);
          arrangement?.release(entry);
          if (entries.length === 0) stop();
          else schedule();
        },
      };
    },
    setHost(settings) {
      host = settings;
      schedule();
    },
    keepClear(element) {
      keptClear.add(element);
      // Scroll and resize move it: place again then too.
      resizes?.observe(element);
      win.addEventListener('scroll', scheduleOnScroll, { capture: true, passive: true });
      schedule();
      return () => {
        if (!keptClear.delete(element)) return;
        resizes?.unobserve(element);
        if (keptClear.size === 0) win.removeEventListener('scroll', scheduleOnScroll, { capture: true });
        schedule();
      };
    },
    prepare,
    hostOverlayOpen,
    fallbackFocus,
    guardFocus: () => guardFocus(win, fallbackFocus),
    dispose() {
      for (const element of [...aside.keys()]) stepAside(element, false);
      entries.length = 0;
      keptClear.clear();
      win.removeEventListener('scroll', scheduleOnScroll, { capture: true });
      stop();
    },
  };
}

export function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
