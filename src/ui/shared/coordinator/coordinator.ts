/**
 * One coordinator for everything a Waymark renderer puts on screen. Each surface registers its
 * kind and gets a slot; the coordinator decides what stays on top (the debug overlay above the
 * rest), stacks floating surfaces that share a corner instead of letting them overlap, and steps
 * non-blocking surfaces out of the way (hidden and `inert`) while the host's own modal dialog or
 * navigation drawer is open, and keeps every surface off the element the current tour step asks
 * the user to use. It also knows where focus may fall back when a surface closes.
 * Created per renderer, lazily: no observer runs until the first surface registers.
 */
import type { HostSettings } from '../../../config/types.js';
import type { DismissibleStack } from '../dismissible-stack.js';
import { deepActiveElement } from '../focus.js';
import { fallbackFocusIn, guardFocus, waymarkHostOf } from './focus-return.js';
import { ALWAYS_WATCHED, createHostLayers } from './host-layers.js';

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

/** The gap between two surfaces stacked in one corner. */
const STACK_GAP = 12;
/** Surfaces that stay put while the host shows its own modal: they are modal themselves, or diagnostics. */
const STAYS_VISIBLE: ReadonlySet<SurfaceKind> = new Set(['modal', 'debug']);

interface Entry {
  host: HTMLElement;
  options: SurfaceOptions;
  /** The page control focused when it opened, for `besideOpener`. */
  opener: WeakRef<HTMLElement> | null;
}

/** Below this width panels are bottom sheets: they never open beside a control. */
const PHONE_WIDTH = 480;
const OPENER_GAP = 8;
const OPENER_CONTROLS = 'button, a[href], summary, [role="button"], [role="menuitem"]';
const EDGE = 8;
/** Room kept around an element the step asks the user to use. */
const KEEP_CLEAR_MARGIN = 4;

/** What a host had before it stepped aside. */
interface Saved {
  inert: boolean;
  visibility: string;
}

/**
 * Where every layer sharing this stack goes on screen and which is on top: one coordinator per stack (so per
 * renderer), created on first use by whichever surface comes first.
 */
export const surfacesOf = (stack: DismissibleStack): SurfaceCoordinator => stack.companion(createSurfaceCoordinator);

export function createSurfaceCoordinator(win: Window): SurfaceCoordinator {
  const doc = win.document;
  const entries: Entry[] = [];
  /** Boxes placed beside their opener now (their inline placement is ours to remove). */
  const besideOpener = new Set<HTMLElement>();
  const aside = new Map<HTMLElement, Saved>();
  /** The corner offset each box carries now (px). */
  const offsets = new Map<HTMLElement, number>();
  /** Elements the current step asks the user to use: nothing of ours may cover them. */
  const keptClear = new Set<Element>();
  let host: HostSettings | undefined;
  let observer: MutationObserver | null = null;
  let resizes: ResizeObserver | null = null;
  let frame = 0;
  const fallbackFocus = () => fallbackFocusIn(doc, host?.main);
  const overlaySelector = () => [...ALWAYS_WATCHED, ...(host?.overlays ?? [])].join(', ');

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

  const boxesOf = (entry: Entry): HTMLElement[] => {
    const given = entry.options.boxes ? entry.options.boxes() : (entry.host.shadowRoot?.querySelectorAll(':popover-open, dialog[open]') ?? []);
    return Array.from(given).filter((box): box is HTMLElement => box instanceof HTMLElement);
  };

  const visibleBoxes = (entry: Entry): HTMLElement[] =>
    boxesOf(entry).filter((box) => {
      if (!box.isConnected || !box.checkVisibility()) return false;
      const rect = box.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0;
    });

  const setOffset = (box: HTMLElement, corner: Corner, offset: number) => {
    if ((offsets.get(box) ?? 0) === offset) return;
    if (offset === 0) {
      offsets.delete(box);
      box.style.removeProperty('translate');
    } else {
      offsets.set(box, offset);
      // `translate` composes with the surface's own placement and transforms: no cooperation needed.
      box.style.setProperty('translate', `0 ${corner.startsWith('bottom') ? -offset : offset}px`);
    }
  };

  /** The control that opened `entry`, when it should open beside it now. */
  const openerOf = (entry: Entry): HTMLElement | null => {
    if (!entry.options.besideOpener || win.innerWidth <= PHONE_WIDTH) return null;
    const opener = entry.opener?.deref();
    if (!opener || !opener.isConnected || !opener.checkVisibility({ visibilityProperty: true })) return null;
    // A control (not a landmark focus fell back to) in the upper part of the screen: room below it.
    if (!opener.matches(OPENER_CONTROLS)) return null;
    const rect = opener.getBoundingClientRect();
    return rect.bottom > 0 && rect.bottom < win.innerHeight / 3 ? opener : null;
  };

  /** Below its opener, right edges aligned, inside the viewport; or back to its own placement. */
  const placeBesideOpener = (entry: Entry) => {
    const opener = openerOf(entry);
    for (const box of boxesOf(entry)) {
      if (!opener) {
        if (besideOpener.delete(box)) for (const property of ['top', 'bottom', 'left', 'right', 'max-height']) box.style.removeProperty(property);
        continue;
      }
      const rect = opener.getBoundingClientRect();
      const width = box.getBoundingClientRect().width;
      // Below the opener, and below a Waymark banner drawn under it.
      let top = Math.round(rect.bottom + OPENER_GAP);
      for (const other of entries) {
        if (other.options.kind !== 'banner' || aside.has(other.host)) continue;
        for (const banner of visibleBoxes(other)) {
          const strip = banner.getBoundingClientRect();
          const height = box.getBoundingClientRect().height;
          if (strip.bottom > top && strip.top < top + height) top = Math.max(top, Math.round(strip.bottom + OPENER_GAP));
        }
      }
      const right = Math.round(Math.min(Math.max(EDGE, win.innerWidth - rect.right), win.innerWidth - width - EDGE));
      besideOpener.add(box);
      box.style.setProperty('top', `${top}px`);
      box.style.setProperty('bottom', 'auto');
      box.style.setProperty('right', `${Math.max(EDGE, right)}px`);
      box.style.setProperty('left', 'auto');
      box.style.setProperty('max-height', `${win.innerHeight - top - EDGE}px`);
    }
  };

  /** Where the elements kept clear are now, with a little room around them (a finger is wider than a pixel). */
  const keptClearRects = (): DOMRect[] =>
    [...keptClear]
      .filter((element) => element.isConnected)
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => new DOMRect(rect.x - KEEP_CLEAR_MARGIN, rect.y - KEEP_CLEAR_MARGIN, rect.width + 2 * KEEP_CLEAR_MARGIN, rect.height + 2 * KEEP_CLEAR_MARGIN));

  /**
   * A banner is news, never in the way: it steps aside while it would cover an element kept clear
   * or another Waymark card anchored or centred on screen (a tour step, a hint, a phone sheet), or
   * the corner panel the user is in (focus inside it) when that panel reaches down over it.
   * Full-screen layers (a spotlight's shade, a backdrop) do not count: they are drawn under the
   * card they belong to. Returns the banner hosts to hide.
   */
  const yieldingBanners = (): Set<HTMLElement> => {
    const yielding = new Set<HTMLElement>();
    const banners = entries.filter((entry) => entry.options.kind === 'banner');
    if (banners.length === 0) return yielding;
    const fullScreen = (rect: DOMRect) => rect.width >= win.innerWidth * 0.95 && rect.height >= win.innerHeight * 0.9;
    // The corner panel the user is in counts as a card too: it keeps its place, the news waits.
    const active = doc.activeElement;
    const userIsIn = (entry: Entry) =>
      (entry.options.kind === 'corner' || entry.options.kind === 'launcher') && active !== null && (entry.host === active || entry.host.contains(active));
    const cards = entries
      .filter((entry) => entry.options.kind === 'modal' || entry.options.kind === 'popover' || userIsIn(entry))
      .filter((entry) => !banners.some((banner) => banner.host === entry.host) && !aside.has(entry.host))
      .flatMap((entry) => visibleBoxes(entry).map((box) => box.getBoundingClientRect()))
      .filter((rect) => !fullScreen(rect));
    const avoid = [...keptClearRects(), ...cards];
    for (const banner of banners) {
      // Measured even while it is stepped aside (hidden, still laid out) to know when it may come back.
      const strips = boxesOf(banner).filter((box) => box.isConnected && box.matches(':popover-open')).map((box) => box.getBoundingClientRect());
      if (strips.some((strip) => avoid.some((rect) => intersects(strip, rect)))) yielding.add(banner.host);
    }
    return yielding;
  };

  /**
   * Floating surfaces sharing a corner make room for each other. The one the user is in (it holds
   * focus) keeps its place, then the newest; each older one moves away from the edge just enough
   * not to overlap what is placed, and steps aside (hidden) when that would push it past the
   * host's header. Returns the hosts crowded out.
   */
  const stackCorners = (away: boolean, yielding: Set<HTMLElement>, headerBottom: () => number): Set<HTMLElement> => {
    const crowded = new Set<HTMLElement>();
    if (away) return crowded;
    const active = doc.activeElement;
    const holdsFocus = (entry: Entry) => active !== null && (entry.host === active || entry.host.contains(active));
    const floating = entries.filter((entry) => (entry.options.kind === 'corner' || entry.options.kind === 'launcher') && !openerOf(entry));
    // Nothing floats in a corner: nothing to stack (and no header to measure).
    if (floating.length === 0) return crowded;
    const rank = (entry: Entry) => (holdsFocus(entry) ? -1_000_000 : 0) - entries.indexOf(entry);
    const top = headerBottom();
    // Banners, steps, modals and anchored cards stay where they are: corners make room around them.
    const fixedInPlace = entries.filter((entry) => !floating.includes(entry) && !aside.has(entry.host) && !yielding.has(entry.host) && visibleBoxes(entry).length > 0);
    // The element the step asks the user to use is placed first: corners move off it too.
    const clear = keptClearRects();
    const placed: DOMRect[] = [...clear, ...fixedInPlace.flatMap((entry) => visibleBoxes(entry).map((box) => box.getBoundingClientRect()))];
    /** Asked for after everything fixed in place, or where the user is: it keeps its own place. */
    const newest = (entry: Entry) => holdsFocus(entry) || fixedInPlace.every((other) => entries.indexOf(other) < entries.indexOf(entry));
    floating.sort((a, b) => rank(a) - rank(b));
    // A panel that takes its corner: a phone's bottom sheet (the whole edge) or a tall desktop panel.
    const takesCorner = (rect: DOMRect) => (win.innerWidth <= PHONE_WIDTH && rect.width >= win.innerWidth * 0.9) || rect.height >= win.innerHeight * 0.4;
    const sheetOpen = floating.some((entry) => entry.options.kind !== 'launcher' && visibleBoxes(entry).some((box) => takesCorner(box.getBoundingClientRect())));
    for (const entry of floating) {
      const corner = entry.options.corner ?? 'bottom-end';
      const fromBottom = corner.startsWith('bottom');
      const boxes = visibleBoxes(entry);
      // A launcher stacked above a panel that takes its corner would float mid-page over the app:
      // it steps aside until the panel closes (the panel is what the user is in).
      if (sheetOpen && entry.options.kind === 'launcher' && !holdsFocus(entry)) {
        crowded.add(entry.host);
        for (const box of boxesOf(entry)) setOffset(box, corner, 0);
        continue;
      }
      // Where its boxes would be without an offset.
      const natural = boxes.map((box) => {
        const rect = box.getBoundingClientRect();
        const shift = offsets.get(box) ?? 0;
        return new DOMRect(rect.x, rect.y + (fromBottom ? shift : -shift), rect.width, rect.height);
      });
      const moveBy = (offset: number) => natural.map((rect) => new DOMRect(rect.x, rect.y + (fromBottom ? -offset : offset), rect.width, rect.height));
      let offset = 0;
      for (let round = 0; round <= placed.length; round++) {
        const moved = moveBy(offset);
        const blocker = placed.find((other) => moved.some((rect) => intersects(rect, other)));
        if (!blocker) break;
        offset += Math.max(...moved.filter((rect) => intersects(rect, blocker)).map((rect) => (fromBottom ? rect.bottom - blocker.top : blocker.bottom - rect.top) + STACK_GAP));
      }
      let final = moveBy(offset);
      if (offset > 0 && final.some((rect) => (fromBottom ? rect.top < top : rect.bottom > win.innerHeight))) {
        const coversStepTarget = natural.some((rect) => clear.some((kept) => intersects(rect, kept)));
        if (entry === floating[0] && newest(entry) && !coversStepTarget) {
          // The one the user is in (or, failing that, the newest) was just asked for: it stays where it belongs.
          offset = 0;
          final = natural;
        } else {
          // No room left in this corner: out of the way until there is.
          crowded.add(entry.host);
          for (const box of boxesOf(entry)) setOffset(box, corner, 0);
          continue;
        }
      }
      for (const box of boxes) setOffset(box, corner, offset);
      for (const box of boxesOf(entry)) if (!boxes.includes(box)) setOffset(box, corner, 0);
      placed.push(...final);
    }
    return crowded;
  };

  /**
   * The debug overlay stays above every other surface. The top layer is ordered by opening, so
   * when another Waymark surface covers it (it opened later), it opens again on top.
   */
  const raiseDebug = () => {
    for (const entry of entries) {
      if (entry.options.kind !== 'debug') continue;
      for (const box of visibleBoxes(entry)) {
        if (!box.matches(':popover-open')) continue;
        const rect = box.getBoundingClientRect();
        const hit = doc.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(rect.height / 2, 16));
        const over = hit ? waymarkHostOf(hit) : null;
        if (!over || over === entry.host) continue;
        box.hidePopover();
        box.showPopover();
      }
    }
  };

  /**
   * How far down the host's own fixed or sticky header (and banner) reach: panels that grow
   * upwards stop below them. Published to every surface as `--wm-safe-top`.
   */
  const safeTop = (): number => {
    let bottom = 0;
    for (const x of [0.25, 0.5, 0.75].map((share) => win.innerWidth * share)) {
      for (const element of doc.elementsFromPoint(x, 1)) {
        if (waymarkHostOf(element) || element === doc.body || element === doc.documentElement) continue;
        const position = win.getComputedStyle(element).position;
        if (position === 'fixed' || position === 'sticky') bottom = Math.max(bottom, element.getBoundingClientRect().bottom);
      }
    }
    return Math.max(0, Math.round(bottom));
  };

  const layout = () => {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    // Measuring the header is a hit test of the page: only when a corner surface is there to use it (a tour
    // or a hint alone would pay for it on every frame something in the page changes style).
    let measuredTop: number | undefined;
    const headerBottom = () => (measuredTop ??= safeTop());
    if (entries.some((entry) => entry.options.kind === 'corner' || entry.options.kind === 'launcher')) {
      const top = `${headerBottom()}px`;
      for (const entry of entries) if (entry.host.style.getPropertyValue('--wm-safe-top') !== top) entry.host.style.setProperty('--wm-safe-top', top);
    }
    for (const entry of entries) placeBesideOpener(entry);
    const open = hostLayers.open();
    const away = open.modal || open.drawers.length > 0;
    const yielding = yieldingBanners();
    const crowded = stackCorners(away, yielding, headerBottom);
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
    raiseDebug();
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
      const entry: Entry = { host: element, options, opener };
      entries.push(entry);
      start();
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
          entry.options = { ...options, besideOpener: false };
          placeBesideOpener(entry);
          for (const box of boxesOf(entry)) setOffset(box, options.corner ?? 'bottom-end', 0);
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

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
