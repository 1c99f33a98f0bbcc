/**
 * The host page's own layers: its modal dialogs (`dialog[open]`, `[aria-modal="true"]`) and the drawers the config
 * declares (`host.overlays`). Waymark's non-blocking surfaces step aside while one is open.
 */
import { waymarkHostOf } from './focus-return.js';

/** Always treated as the host's modals, whatever the config declares. */
export const ALWAYS_WATCHED = ['dialog[open]', '[aria-modal="true"]'];

export interface OpenHostLayers {
  modal: boolean;
  drawers: DOMRect[];
}

export interface HostLayers {
  /** What is open now. */
  open(): OpenHostLayers;
  /** The page changed: forget the modal candidates when elements or their `open`/`aria-modal` did. */
  changed(records: readonly MutationRecord[]): void;
  /** Forget the modal candidates (the page stops or starts being observed). */
  reset(): void;
}

export function createHostLayers(
  doc: Document,
  options: {
    /** The config's drawer selectors. */
    overlays: () => readonly string[] | undefined;
    /** Deliver the page's pending changes (to `changed`); whether the page is observed, so the cache can be trusted. */
    flush: () => boolean;
  },
): HostLayers {
  /**
   * The page's modal candidates, found again only when elements are added or removed or those attributes change:
   * a style or class change (a page animating something, every frame) re-checks whether these few are visible
   * instead of searching the whole document.
   */
  let modalCandidates: Element[] | null = null;
  const findModals = () => Array.from(doc.querySelectorAll(ALWAYS_WATCHED.join(', ')));
  const shown = (elements: Element[]) =>
    elements.filter((element) => element.isConnected && !waymarkHostOf(element) && element.checkVisibility({ visibilityProperty: true }));
  const visible = (selector: string) => {
    try {
      return shown(Array.from(doc.querySelectorAll(selector)));
    } catch {
      // An invalid selector from the config is left out.
      return [];
    }
  };

  return {
    open() {
      // Asked in the same task the page changed something: what the observer has not delivered yet counts.
      // Without an observer (nothing registered) nothing would tell the cache that it is stale.
      const candidates = options.flush() ? (modalCandidates ??= findModals()) : findModals();
      const overlays = options.overlays();
      // Declared overlays often open by a class (`.drawer.open`): their selectors are matched again each time.
      const declared = overlays?.length ? visible(overlays.join(', ')) : [];
      return { modal: shown(candidates).length > 0, drawers: declared.map((element) => element.getBoundingClientRect()) };
    },
    changed(records) {
      if (records.some((record) => record.type === 'childList' || record.attributeName === 'open' || record.attributeName === 'aria-modal')) modalCandidates = null;
    },
    reset() {
      modalCandidates = null;
    },
  };
}
