import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LayerController } from '../shared/controllers/layer.js';
import { WAYMARK_UI_VERSION } from '../shared/define.js';
import { createDismissibleStack, type DismissibleStack } from '../shared/dismissible-stack.js';
import { badgeOf, clock, cssOf, describeBox, matchCount, matchesFilter, parentOf, renderExperience, renderPicked, type Badge } from './overlay-parts.js';
import { debugStyles } from './overlay.styles.js';
import { startPicker } from './picker.js';
import { CORNERS, readPrefs, savePrefs, type Corner } from './prefs.js';
import { suggestTargets, type PickedTarget } from './selector.js';
import type { DebugExperience, DebugSnapshot, DebugSource } from './types.js';


/**
 * Waymark's debug and preview overlay, for the people who write configs: every experience with
 * its eligibility and `why()`, the user's stage and traits, recent signals and events, buttons to
 * start an experience, reset the user and switch the locale, and an element picker that answers
 * "what do I write as `target`?". It renders what its `source` gives and calls its actions.
 *
 * It never gets in the way: it does not take focus on load, collapses to a small pill (state and
 * corner are kept in sessionStorage), lives in the top layer below later Waymark layers, and its
 * shadow root is closed, so Waymark's target resolution and the page's queries never see into it.
 * Its own text is English (a developer tool); it follows the page's direction for its corner.
 *
 * The runtime mounts it when debug is on (`debug: true` or `?waymark-debug` in the URL); it is not
 * meant for markup. It dispatches no DOM events and has no parts: its actions go to `source`.
 *
 * @summary Waymark's debug and preview overlay: eligibility and why() per experience, user state, recent activity, and an element picker.
 * @tag wm-debug
 */
export class WmDebug extends LitElement {
  static readonly waymarkVersion = WAYMARK_UI_VERSION;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, mode: 'closed' };
  static override styles = debugStyles;

  /** Where the data comes from and where actions go. */
  @property({ attribute: false }) source?: DebugSource;

  @state() private collapsed = false;
  @state() private corner: Corner = 'bottom-start';
  @state() private filter = '';
  @state() private picking = false;
  @state() private hovered: Element | null = null;
  @state() private pickedTarget: PickedTarget | null = null;
  @state() private status = '';

  @query('.layer') private layerElement?: HTMLElement;
  @query('.shield') private shieldElement?: HTMLElement;
  @query('.box') private boxElement?: HTMLElement;

  /** The source's change feed, while connected. */
  private readonly subscription = new LayerController(this);
  /** The element picker, while it waits for a click. */
  private readonly picker = new LayerController(this);
  /** Scroll and resize listeners that keep the highlight box on its element. */
  private readonly layoutWatch = new LayerController(this);
  /** An Escape stack of its own when the source shares none. */
  private readonly owned = new LayerController(this);
  private ownStack: DismissibleStack | null = null;
  private subscribedTo: DebugSource | null = null;
  private readonly reposition = () => this.placeBox();

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.waymarkUi = 'debug';
    const prefs = readPrefs(this.ownerDocument.defaultView, this.ownerDocument.defaultView?.innerWidth ?? 1024);
    this.collapsed = prefs.collapsed;
    this.corner = prefs.corner;
    this.subscribe();
  }

  override disconnectedCallback(): void {
    // The controllers let go of the picker, the listeners, the subscription and the own stack.
    super.disconnectedCallback();
    this.cancelPicking();
    this.clearPicked();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) this.subscribe();
  }

  protected override firstUpdated(): void {
    // In the top layer, above the page, without taking focus.
    this.show(this.layerElement);
    // Above every other Waymark surface: the coordinator raises it when one opens over it.
    if (this.source) this.owned.surface(this.stack(), { kind: 'debug', boxes: () => [this.layerElement] });
  }

  protected override updated(): void {
    this.placeBox();
  }

  // ---- public, for tests and tools -----------------------------------------------------------

  /** The panel is expanded (not the pill). */
  get expanded(): boolean {
    return !this.collapsed;
  }

  /** The picker is waiting for a click. */
  get isPicking(): boolean {
    return this.picking;
  }

  /** The last picked element's suggestion, or null. */
  get picked(): { element: Element; selector?: string; target: unknown; count: number; unique: boolean } | null {
    const picked = this.pickedTarget;
    if (!picked) return null;
    return { element: picked.element, selector: cssOf(picked), target: picked.best.target, count: picked.best.count, unique: picked.best.unique };
  }

  /** Start the element picker (as the "Pick element" button does). */
  pick(): void {
    if (this.picking || !this.source) return;
    this.collapsed = false;
    this.picking = true;
    this.status = 'Picking: point at an element and click it, or use the arrow keys and Enter. Escape cancels.';
    const start = this.ownerDocument.querySelector('main') ?? this.ownerDocument.body;
    void this.updateComplete.then(() => {
      const shield = this.shieldElement;
      if (!shield || !this.picking) return;
      this.show(shield);
      // The panel and the highlight stay above the shield (the top layer is ordered by showing).
      this.reshow(this.layerElement);
      this.reshow(this.boxElement);
      this.picker.hold(startPicker({
        shield,
        stack: this.stack(),
        ignore: (element) => element === this || element.closest('[data-waymark-ui]') !== null,
        start,
        onHover: (element, byKeyboard) => {
          this.hovered = element;
          if (element && byKeyboard) this.status = `Highlighted ${describe(element)}. Enter picks it.`;
        },
        onPick: (element) => this.choose(element),
        onCancel: () => {
          this.cancelPicking();
          this.status = 'Picker closed.';
        },
      }));
      this.listenForLayout(true);
    });
  }

  // ---- rendering ----------------------------------------------------------------------------

  protected override render(): unknown {
    const source = this.source;
    if (!source) return nothing;
    const snapshot = source.snapshot();
    const sides = this.sides();
    const highlight = this.picking ? this.hovered : (this.pickedTarget?.element ?? null);
    return html`
      <div class="layer ${sides}" popover="manual" dir="ltr" lang="en">
        ${this.collapsed ? this.renderPill(snapshot) : this.renderPanel(snapshot)}
        <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
      </div>
      <div class="shield" popover="manual" aria-hidden="true"></div>
      <div class="box ${highlight ? '' : 'idle'}" popover="manual" aria-hidden="true">
        ${highlight ? html`<span class="tag">${describeBox(highlight, this.picking ? null : this.pickedTarget?.best ?? null)}</span>` : nothing}
      </div>
    `;
  }

  private renderPill(snapshot: DebugSnapshot): TemplateResult {
    const showing = snapshot.experiences.filter((x) => badgeOf(x) === 'showing').length;
    return html`<button type="button" class="pill" aria-expanded="false" @click=${this.expand}>
      <span class="dot" aria-hidden="true"></span>
      <span>Waymark debug</span> <span class="muted">${showing} showing</span>
    </button>`;
  }

  private renderPanel(snapshot: DebugSnapshot): TemplateResult {
    const counts = { showing: 0, eligible: 0, blocked: 0, unknown: 0 };
    for (const experience of snapshot.experiences) counts[badgeOf(experience)]++;
    const needle = this.filter.trim().toLowerCase();
    const shown = needle ? snapshot.experiences.filter((x) => matchesFilter(x, needle)) : snapshot.experiences;
    return html`
      <section class="panel" aria-labelledby="wm-debug-title">
        <header>
          <h2 id="wm-debug-title">Waymark debug</h2>
          <button type="button" class="pick" aria-pressed=${this.picking ? 'true' : 'false'} @click=${this.togglePicking}>Pick element</button>
          <button type="button" class="move" aria-label="Move panel to the next corner" title="Move panel" @click=${this.moveCorner}>⇲</button>
          <button type="button" class="collapse" aria-label="Collapse debug panel" aria-expanded="true" @click=${this.collapse}>–</button>
        </header>
        ${this.picking
          ? // While picking, only the header stays, so the panel hides as little of the page as possible.
            html`<p class="hint picking-hint">Point at an element and click it. Escape cancels.</p>`
          : this.renderDetails(snapshot, counts, needle, shown)}
      </section>
    `;
  }

  private renderDetails(snapshot: DebugSnapshot, counts: Record<Badge, number>, needle: string, shown: DebugExperience[]): TemplateResult {
    return html`
        <div class="body">
          ${this.pickedTarget ? renderPicked(this.pickedTarget, this.pickedActions) : nothing}
          <h3 id="wm-debug-experiences">Experiences</h3>
          <p class="muted counts">${counts.showing} showing · ${counts.eligible} eligible · ${counts.blocked} blocked</p>
          <input type="search" class="filter" aria-label="Filter experiences" placeholder="Filter by id, name, type or status"
            .value=${this.filter} @input=${this.onFilter} />
          ${needle ? html`<p class="muted" aria-live="polite">${shown.length} of ${snapshot.experiences.length}</p>` : nothing}
          <ul class="experiences" aria-labelledby="wm-debug-experiences">
            ${shown.map((experience) => renderExperience(experience, (id) => this.source?.start(id)))}
          </ul>

          <h3 id="wm-debug-user">User</h3>
          <dl aria-labelledby="wm-debug-user">
            <dt>id</dt><dd class="mono user-id">${snapshot.userId}</dd>
            <dt>stage</dt>
            <dd class="stage">${snapshot.stage.id === null ? html`<span class="muted">none</span>` : html`<bdi>${snapshot.stage.name ?? snapshot.stage.id}</bdi>${snapshot.stage.name && snapshot.stage.name !== snapshot.stage.id ? html` <code class="muted">${snapshot.stage.id}</code>` : nothing}`}</dd>
          </dl>
          <details class="traits-box">
            <summary>Traits (${Object.keys(snapshot.traits).length})</summary>
            <div class="traits">${Object.keys(snapshot.traits).length === 0
              ? html`<span class="muted">none</span>`
              : html`<dl>${Object.entries(snapshot.traits).map(([key, value]) => html`<dt class="mono">${key}</dt><dd class="mono"><bdi>${JSON.stringify(value)}</bdi></dd>`)}</dl>`}</div>
          </details>
          <div class="tools">
            <label>Locale
              <select class="locale" @change=${this.onLocale}>
                ${snapshot.locales.map((locale) => html`<option value=${locale} ?selected=${locale === snapshot.locale}>${locale}</option>`)}
              </select>
            </label>
            <button type="button" class="reset" @click=${this.onReset}>Reset user progress</button>
          </div>

          <h3 id="wm-debug-log">Recent signals and events</h3>
          ${snapshot.log.length === 0
            ? html`<p class="muted">Nothing yet.</p>`
            : html`<ol class="log" aria-labelledby="wm-debug-log" reversed>
                ${[...snapshot.log].reverse().map(
                  (entry) => html`<li data-kind=${entry.kind}>
                    <span class="mono muted">${clock(entry.at)}</span>
                    <span class="kind ${entry.kind}">${entry.kind === 'event' ? 'event' : 'signal'} <code>${entry.type}</code></span>
                    <span class="summary mono"><bdi>${entry.summary}</bdi></span>
                  </li>`,
                )}
              </ol>`}
        </div>
    `;
  }

  // ---- actions -------------------------------------------------------------------------------

  private readonly expand = async (): Promise<void> => {
    this.collapsed = false;
    this.savePrefs();
    await this.updateComplete;
    (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('.collapse')?.focus();
  };

  private readonly collapse = async (): Promise<void> => {
    this.cancelPicking();
    this.collapsed = true;
    this.savePrefs();
    await this.updateComplete;
    (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('.pill')?.focus();
  };

  private readonly moveCorner = (): void => {
    this.corner = CORNERS[(CORNERS.indexOf(this.corner) + 1) % CORNERS.length]!;
    this.savePrefs();
    this.status = `Panel moved to the ${this.corner.replace('-', ' ')} corner.`;
  };

  private readonly togglePicking = (): void => {
    if (this.picking) {
      this.cancelPicking();
      this.status = 'Picker closed.';
    } else this.pick();
  };

  private readonly onFilter = (event: Event): void => {
    this.filter = (event.target as HTMLInputElement).value;
  };

  private readonly onLocale = (event: Event): void => {
    const locale = (event.target as HTMLSelectElement).value;
    this.source?.setLocale(locale);
    this.status = `Locale: ${locale}.`;
  };

  private readonly onReset = (): void => {
    this.source?.reset();
    this.status = 'User progress reset.';
  };

  private readonly pickedActions = {
    copy: (text: string) => void this.copy(text),
    parent: () => this.pickParent(),
    clear: () => this.clearPicked(),
  };

  private readonly pickParent = (): void => {
    const parent = this.pickedTarget ? parentOf(this.pickedTarget.element) : null;
    if (parent) this.choose(parent, false);
  };

  private readonly clearPicked = (): void => {
    this.pickedTarget = null;
    this.hide(this.boxElement);
    if (!this.picking) this.listenForLayout(false);
  };

  private choose(element: Element, fromPicker = true): void {
    if (!this.source) return;
    if (fromPicker) this.cancelPicking();
    this.pickedTarget = suggestTargets(element, this.source.targets);
    this.status = `Picked ${element.localName}: ${matchCount(this.pickedTarget.best.count)}.`;
    this.listenForLayout(true);
    void this.updateComplete.then(() => this.reshow(this.boxElement));
  }

  private cancelPicking(): void {
    if (!this.picking) return;
    this.picking = false;
    this.hovered = null;
    this.picker.close();
    this.hide(this.shieldElement);
    if (!this.pickedTarget) {
      this.hide(this.boxElement);
      this.listenForLayout(false);
    }
  }

  private async copy(text: string): Promise<void> {
    try {
      await this.source!.window.navigator.clipboard.writeText(text);
      this.status = 'Copied to the clipboard.';
    } catch {
      const code = (this.renderRoot as ShadowRoot).querySelector('.picked code.selector');
      if (code) this.source?.window.getSelection()?.selectAllChildren(code);
      this.status = 'Copying is not allowed here: the selector is selected, press Ctrl+C.';
    }
  }

  private savePrefs(): void {
    savePrefs(this.ownerDocument.defaultView, { collapsed: this.collapsed, corner: this.corner });
  }

  // ---- placement and plumbing ----------------------------------------------------------------

  /** The physical sides of the corner: "start" follows the page's direction. */
  private sides(): string {
    const win = this.source?.window;
    const rtl = win ? win.getComputedStyle(win.document.documentElement).direction === 'rtl' : false;
    const [block, inline] = this.corner.split('-') as ['top' | 'bottom', 'start' | 'end'];
    const left = (inline === 'start') !== rtl;
    return `${block} ${left ? 'left' : 'right'}`;
  }

  private placeBox(): void {
    const box = this.boxElement;
    if (!box) return;
    const target = this.picking ? this.hovered : this.collapsed ? null : (this.pickedTarget?.element ?? null);
    if (!target || !target.isConnected) {
      box.style.display = 'none';
      return;
    }
    if (!box.matches(':popover-open')) this.show(box);
    const rect = target.getBoundingClientRect();
    box.style.display = 'block';
    box.style.top = `${rect.top}px`;
    box.style.left = `${rect.left}px`;
    box.style.width = `${Math.max(rect.width, 2)}px`;
    box.style.height = `${Math.max(rect.height, 2)}px`;
    box.classList.toggle('below', rect.top < 22);
    // The label stays on screen: aligned to the box's other edge when it would run off the right.
    box.classList.remove('flip');
    // (From the target's rect and the label's width: the box itself may still be moving.)
    const tag = box.querySelector<HTMLElement>('.tag');
    const win = this.source?.window;
    if (tag && win && rect.left + tag.offsetWidth > win.innerWidth - 4) box.classList.add('flip');
  }

  private listenForLayout(on: boolean): void {
    const win = this.source?.window;
    if (!on) this.layoutWatch.close();
    if (!win || !on || this.layoutWatch.active) return;
    this.layoutWatch.listen(win, 'scroll', this.reposition, { capture: true, passive: true });
    this.layoutWatch.listen(win, 'resize', this.reposition, { passive: true });
  }

  private stack(): DismissibleStack {
    if (this.source?.stack) return this.source.stack;
    if (!this.ownStack) {
      const own = (this.ownStack = createDismissibleStack(this.source!.window));
      this.owned.hold(() => {
        own.dispose();
        this.ownStack = null;
      });
    }
    return this.ownStack;
  }

  private subscribe(): void {
    if (this.subscribedTo === (this.source ?? null) || !this.isConnected) return;
    this.subscription.close();
    const source = this.source;
    if (!source) return;
    this.subscribedTo = source;
    this.subscription.hold(source.subscribe(() => this.requestUpdate()), () => (this.subscribedTo = null));
  }

  private show(element: HTMLElement | undefined): void {
    try {
      if (element && !element.matches(':popover-open')) element.showPopover();
    } catch {
      // Not connected yet, or no popover support: the element stays where it is.
    }
  }

  private hide(element: HTMLElement | undefined): void {
    try {
      if (element?.matches(':popover-open')) element.hidePopover();
    } catch {
      // Already gone.
    }
  }

  private reshow(element: HTMLElement | undefined): void {
    if (!element) return;
    this.hide(element);
    this.show(element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-debug': WmDebug;
  }
}

/** A short name for the status line: `button#save`, `nav.sidebar`. */
function describe(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  const className = !id && typeof element.className === 'string' && element.className.trim() ? `.${element.className.trim().split(/\s+/)[0]}` : '';
  return `${element.localName}${id}${className}`;
}

