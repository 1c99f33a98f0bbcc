/**
 * The coordinator's arrangement of surfaces that float on their own: corner cards and launchers stacked instead
 * of overlapping (and kept off the element a step asks the user to use), a panel opened beside the control that
 * opened it, banners that yield to cards and to that element, the debug overlay kept on top, and the host's header
 * published as `--wm-safe-top`. A chunk of its own: a page that shows only tours and anchored cards never runs it.
 * The coordinator loads it with the first surface that needs it, and the renderer before mounting one, alongside
 * its component's chunk (`SurfaceCoordinator.prepare`), so that surface is placed from its first frame.
 */
import type { Corner, SurfaceEntry } from './coordinator.js';
import { intersects } from './coordinator.js';
import { waymarkHostOf } from './focus-return.js';

/** What the coordinator shares with its arrangement: the live lists it keeps, and how to find a surface's boxes. */
export interface ArrangementContext {
  win: Window;
  entries: readonly SurfaceEntry[];
  /** Hosts stepped aside now (hidden and inert). */
  aside: ReadonlyMap<HTMLElement, unknown>;
  /** Elements the current step asks the user to use. */
  keptClear: ReadonlySet<Element>;
  boxesOf(entry: SurfaceEntry): HTMLElement[];
  visibleBoxes(entry: SurfaceEntry): HTMLElement[];
}

export interface Arrangement {
  /** First in a layout pass: the header's bottom published to corner surfaces, panels placed beside their openers. */
  place(): void;
  /** Then, knowing whether the host's own modal or drawer is open: the banners that yield and the corner surfaces crowded out. */
  stack(away: boolean): { yielding: Set<HTMLElement>; crowded: Set<HTMLElement> };
  /** Last: the debug overlay opened again on top when another surface covers it. */
  raise(): void;
  /** A surface left: its boxes get their own placement back. */
  release(entry: SurfaceEntry): void;
}

/** The gap between two surfaces stacked in one corner. */
const STACK_GAP = 12;
/** Below this width panels are bottom sheets: they never open beside a control. */
const PHONE_WIDTH = 480;
const OPENER_GAP = 8;
const OPENER_CONTROLS = 'button, a[href], summary, [role="button"], [role="menuitem"]';
const EDGE = 8;
/** Room kept around an element the step asks the user to use. */
const KEEP_CLEAR_MARGIN = 4;

export function createArrangement(context: ArrangementContext): Arrangement {
  const { win, entries, aside, keptClear, boxesOf, visibleBoxes } = context;
  const doc = win.document;
  /** Boxes placed beside their opener now (their inline placement is ours to remove). */
  const besideOpener = new Set<HTMLElement>();
  /** The corner offset each box carries now (px). */
  const offsets = new Map<HTMLElement, number>();
  /** The header's bottom, measured at most once per layout pass. */
  let measuredTop: number | undefined;

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
  const openerOf = (entry: SurfaceEntry): HTMLElement | null => {
    if (!entry.options.besideOpener || win.innerWidth <= PHONE_WIDTH) return null;
    const opener = entry.opener?.deref();
    if (!opener || !opener.isConnected || !opener.checkVisibility({ visibilityProperty: true })) return null;
    // A control (not a landmark focus fell back to) in the upper part of the screen: room below it.
    if (!opener.matches(OPENER_CONTROLS)) return null;
    const rect = opener.getBoundingClientRect();
    return rect.bottom > 0 && rect.bottom < win.innerHeight / 3 ? opener : null;
  };

  /** Below its opener, right edges aligned, inside the viewport; or back to its own placement. */
  const placeBesideOpener = (entry: SurfaceEntry) => {
    const opener = openerOf(entry);
    for (const box of boxesOf(entry)) {
      if (!opener) {
        if (besideOpener.delete(box)) for (const property of ['top', 'bottom', 'left', 'right', 'max-height']) box.style.removeProperty(property);
        continue;
      }
      const rect = opener.getBoundingClientRect();
      const width = box.getBoundingClientRect().width;
      // Below the opener, and below a Waymark banner drawn under it. A banner in the lower half (at the bottom of the
      // screen) never pushes the panel down, off screen: the panel the user is in reaches over it, and it steps aside.
      let top = Math.round(rect.bottom + OPENER_GAP);
      for (const other of entries) {
        if (other.options.kind !== 'banner' || aside.has(other.host)) continue;
        for (const banner of visibleBoxes(other)) {
          const strip = banner.getBoundingClientRect();
          const height = box.getBoundingClientRect().height;
          if (strip.top < win.innerHeight / 2 && strip.bottom > top && strip.top < top + height) top = Math.max(top, Math.round(strip.bottom + OPENER_GAP));
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
    const userIsIn = (entry: SurfaceEntry) =>
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
  const stackCorners = (away: boolean, yielding: Set<HTMLElement>): Set<HTMLElement> => {
    const crowded = new Set<HTMLElement>();
    if (away) return crowded;
    const active = doc.activeElement;
    const holdsFocus = (entry: SurfaceEntry) => active !== null && (entry.host === active || entry.host.contains(active));
    const floating = entries.filter((entry) => (entry.options.kind === 'corner' || entry.options.kind === 'launcher') && !openerOf(entry));
    // Nothing floats in a corner: nothing to stack (and no header to measure).
    if (floating.length === 0) return crowded;
    const rank = (entry: SurfaceEntry) => (holdsFocus(entry) ? -1_000_000 : 0) - entries.indexOf(entry);
    const top = headerBottom();
    // Banners, steps, modals and anchored cards stay where they are: corners make room around them.
    const fixedInPlace = entries.filter((entry) => !floating.includes(entry) && !aside.has(entry.host) && !yielding.has(entry.host) && visibleBoxes(entry).length > 0);
    // The element the step asks the user to use is placed first: corners move off it too.
    const clear = keptClearRects();
    const placed: DOMRect[] = [...clear, ...fixedInPlace.flatMap((entry) => visibleBoxes(entry).map((box) => box.getBoundingClientRect()))];
    /** Asked for after everything fixed in place, or where the user is: it keeps its own place. */
    const newest = (entry: SurfaceEntry) => holdsFocus(entry) || fixedInPlace.every((other) => entries.indexOf(other) < entries.indexOf(entry));
    floating.sort((a, b) => rank(a) - rank(b));
    // A panel that takes its corner: a phone's bottom sheet (the whole edge) or a tall desktop panel.
    const takesCorner = (rect: DOMRect) => (win.innerWidth <= PHONE_WIDTH && rect.width >= win.innerWidth * 0.9) || rect.height >= win.innerHeight * 0.4;
    const sheetOpen = floating.some((entry) => entry.options.kind !== 'launcher' && visibleBoxes(entry).some((box) => takesCorner(box.getBoundingClientRect())));
    /** Where each floating surface ends up, to meet the panels opened beside their openers. */
    const finalRects = new Map<SurfaceEntry, DOMRect[]>();
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
      finalRects.set(entry, final);
    }
    // A panel beside its opener (the header's Help) and a corner panel (the resource center) are both panels: where
    // they meet, the one the user is in stays and the other steps aside until they no longer do. A panel already
    // aside stays aside while they meet, so focus leaving the other panel for the page does not bring it back over it.
    for (const beside of entries.filter((entry) => entry.options.kind === 'corner' && openerOf(entry))) {
      const own = visibleBoxes(beside).map((box) => box.getBoundingClientRect());
      const meets = (rects: DOMRect[]) => rects.some((rect) => own.some((other) => intersects(rect, other)));
      const met = [...finalRects].filter(([, rects]) => meets(rects)).map(([entry]) => entry);
      // A launcher's button alone is no panel: it never sends Help aside (it steps aside for Help instead).
      const panels = [...finalRects].filter(([entry, rects]) => meets(entry.options.kind === 'launcher' ? rects.filter(takesCorner) : rects)).map(([entry]) => entry);
      if (holdsFocus(beside)) for (const entry of met) crowded.add(entry.host);
      else if (panels.length > 0 && (aside.has(beside.host) || panels.some(holdsFocus))) crowded.add(beside.host);
    }
    return crowded;
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
  const headerBottom = () => (measuredTop ??= safeTop());

  return {
    place() {
      // Measuring the header is a hit test of the page: only when a corner surface is there to use it (a tour
      // or a hint alone would pay for it on every frame something in the page changes style).
      measuredTop = undefined;
      if (entries.some((entry) => entry.options.kind === 'corner' || entry.options.kind === 'launcher')) {
        const top = `${headerBottom()}px`;
        for (const entry of entries) if (entry.host.style.getPropertyValue('--wm-safe-top') !== top) entry.host.style.setProperty('--wm-safe-top', top);
      }
      for (const entry of entries) placeBesideOpener(entry);
    },
    stack(away) {
      const yielding = yieldingBanners();
      return { yielding, crowded: stackCorners(away, yielding) };
    },
    /**
     * The debug overlay stays above every other surface. The top layer is ordered by opening, so
     * when another Waymark surface covers it (it opened later), it opens again on top.
     */
    raise() {
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
    },
    release(entry) {
      const options = entry.options;
      entry.options = { ...options, besideOpener: false };
      placeBesideOpener(entry);
      for (const box of boxesOf(entry)) setOffset(box, options.corner ?? 'bottom-end', 0);
    },
  };
}
