import { openShadowRoots, type SearchRoot } from './resolve.js';

export interface ShadowRootTrackerOptions {
  /** Milliseconds, from the window's clock. */
  now: () => number;
  /** How often at most the whole tree is walked; in between, only subtrees added since the last look are. */
  fullScanEveryMs: number;
  /** A shadow root seen for the first time (to observe it). */
  onFound: (shadowRoot: ShadowRoot) => void;
  /** A custom element seen undefined was defined, so it may now hold a shadow root: look again. */
  onUpgrade: () => void;
}

export interface ShadowRootTracker {
  /** Take the elements these records added (from the MutationObserver watching the root and its shadow roots). */
  noteAdded(records: readonly MutationRecord[]): void;
  /** The connected open shadow roots in the root, up to date with everything noted so far. */
  current(): ShadowRoot[];
  /** Stop: a definition awaited from now on changes nothing and calls nothing. */
  dispose(): void;
}

const ELEMENT_NODE = 1;
/** Added elements kept for the next look; past this, the next look walks the whole tree instead. */
const MAX_ADDED = 1000;

/**
 * The open shadow roots in a tree, kept current without walking the whole tree at each look: a look walks only the
 * subtrees added since the one before, and the whole tree at most every `fullScanEveryMs`. A shadow root attached
 * to an element already in the tree mutates nothing: when that element is a custom element not yet defined, its
 * definition calls `onUpgrade` and makes the next look a full walk; any other late `attachShadow` is found by the
 * next full walk that comes due.
 */
export function trackShadowRoots(root: SearchRoot, options: ShadowRootTrackerOptions): ShadowRootTracker {
  const known = new Set<ShadowRoot>();
  let added: Element[] = [];
  /** The next look walks the whole tree: too many elements were added, or a custom element was defined. */
  let walkWholeTree = false;
  /** Elements may be in the tree that no look has seen (none yet, or more were added than kept): the next full look queries it all for undefined ones. */
  let unseen = true;
  let lastFullScan = -Infinity;
  /** Custom element names awaited: one `whenDefined` each. */
  const awaited = new Set<string>();
  let disposed = false;
  const registry = (root.ownerDocument ?? (root as Document)).defaultView?.customElements;

  /** Await the definition of each custom element in these scopes that is not defined yet. */
  function awaitUpgrades(scopes: ReadonlyArray<Element | SearchRoot>): void {
    if (!registry) return;
    for (const scope of scopes) {
      const own = scope.nodeType === ELEMENT_NODE && !(scope as Element).matches(':defined') ? [scope as Element] : [];
      for (const el of [...own, ...scope.querySelectorAll(':not(:defined)')]) {
        const name = el.localName;
        if (awaited.has(name)) continue;
        awaited.add(name);
        registry.whenDefined(name).then(() => {
          awaited.delete(name);
          if (disposed) return;
          // `define` upgraded every element of that name, wherever it is: the next look walks the whole tree.
          walkWholeTree = true;
          options.onUpgrade();
        }, () => {});
      }
    }
  }

  return {
    noteAdded(records) {
      for (const record of records) {
        if (record.type !== 'childList') continue;
        for (const node of record.addedNodes) {
          if (node.nodeType !== ELEMENT_NODE) continue;
          if (added.length >= MAX_ADDED) walkWholeTree = unseen = true;
          else added.push(node as Element);
        }
      }
    },
    current() {
      const clock = options.now();
      const full = walkWholeTree || clock - lastFullScan >= options.fullScanEveryMs;
      const scanned: Array<Element | SearchRoot> = full ? [root] : added.filter((el) => el.isConnected);
      const found = scanned.flatMap((scope) => openShadowRoots(scope));
      added = [];
      if (full) {
        lastFullScan = clock;
        walkWholeTree = false;
        const present = new Set(found);
        for (const shadowRoot of known) if (!present.has(shadowRoot)) known.delete(shadowRoot);
      }
      const fresh = found.filter((shadowRoot) => !known.has(shadowRoot));
      // Undefined custom elements come in with added subtrees and new shadow roots: the whole tree is queried for
      // them only when elements may have come in unseen, not at every periodic walk.
      awaitUpgrades(full && unseen ? [root, ...found] : full ? fresh : [...scanned, ...fresh]);
      if (full) unseen = false;
      for (const shadowRoot of fresh) {
        known.add(shadowRoot);
        options.onFound(shadowRoot);
      }
      for (const shadowRoot of known) if (!shadowRoot.host.isConnected) known.delete(shadowRoot);
      return [...known];
    },
    dispose() {
      disposed = true;
      known.clear();
      added = [];
    },
  };
}
