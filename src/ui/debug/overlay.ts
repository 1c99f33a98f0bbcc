import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { WhyNode } from '../../engine/contract.js';
import { WAYMARK_UI_VERSION } from '../shared/define.js';
import { createDismissibleStack, type DismissibleStack } from '../shared/dismissible-stack.js';
import { visuallyHiddenStyles } from '../shared/styles.js';
import { startPicker } from './picker.js';
import { formatTarget, suggestTargets, type PickedTarget, type TargetSuggestion } from './selector.js';
import type { DebugExperience, DebugSnapshot, DebugSource } from './types.js';

export type Corner = 'bottom-start' | 'bottom-end' | 'top-end' | 'top-start';
const CORNERS: Corner[] = ['bottom-start', 'bottom-end', 'top-end', 'top-start'];
const PREFS_KEY = 'waymark:debug';
/** Below this viewport width the overlay starts collapsed. */
const NARROW = 640;

type Badge = 'showing' | 'eligible' | 'blocked' | 'unknown';

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
  static override styles = css`
    :host {
      display: contents;
    }
    [popover] {
      margin: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: inherit;
      overflow: visible;
      inset: auto;
    }
    .layer {
      position: fixed;
      box-sizing: border-box;
      max-width: calc(100vw - 24px);
      font: 12px/1.45 ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #f3f4f6;
      text-align: start;
    }
    .layer.top { top: 12px; }
    .layer.bottom { bottom: 12px; }
    .layer.left { left: 12px; }
    .layer.right { right: 12px; }
    .panel {
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      width: min(400px, calc(100vw - 24px));
      max-height: min(64vh, 620px);
      background: #111827;
      border: 1px solid #374151;
      border-radius: 10px;
      box-shadow: 0 10px 30px rgb(0 0 0 / 0.35);
      overflow: hidden;
    }
    header {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 8px 10px;
      border-bottom: 1px solid #374151;
      background: #0b1220;
    }
    h2 {
      margin: 0;
      flex: 1;
      font-size: 13px;
      font-weight: 600;
    }
    h3 {
      margin: 10px 0 6px;
      font-size: 12px;
      font-weight: 600;
      color: #e5e7eb;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .body {
      overflow: auto;
      padding: 0 10px 10px;
      overscroll-behavior: contain;
    }
    button,
    select,
    input {
      font: inherit;
      color: #f9fafb;
      background: #1f2937;
      border: 1px solid #6b7280;
      border-radius: 6px;
      padding: 3px 8px;
      min-height: 24px;
    }
    button {
      cursor: pointer;
    }
    button:hover {
      background: #374151;
    }
    button[aria-pressed='true'] {
      background: #1d4ed8;
      border-color: #93c5fd;
    }
    :focus-visible {
      outline: 2px solid #93c5fd;
      outline-offset: 1px;
    }
    input[type='search'] {
      box-sizing: border-box;
      width: 100%;
    }
    .pill {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 6px 12px;
      border-radius: 999px;
      background: #111827;
      border: 1px solid #4b5563;
      box-shadow: 0 6px 18px rgb(0 0 0 / 0.3);
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: #34d399;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 10px;
      margin: 0;
    }
    dt {
      color: #9ca3af;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    code,
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 11.5px;
    }
    ul,
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .experiences > li {
      padding: 6px 0;
      border-top: 1px solid #1f2937;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 6px;
      flex-wrap: wrap;
    }
    .name {
      font-weight: 600;
      flex: 1;
      min-width: 8em;
      overflow-wrap: anywhere;
    }
    .muted {
      color: #9ca3af;
    }
    .reason {
      margin: 2px 0 0;
      color: #d1d5db;
      overflow-wrap: anywhere;
    }
    .badge {
      display: inline-block;
      padding: 0 6px;
      border-radius: 999px;
      font-size: 11px;
      font-weight: 600;
      border: 1px solid transparent;
    }
    .badge.showing { background: #064e3b; color: #d1fae5; border-color: #10b981; }
    .badge.eligible { background: #1e3a8a; color: #dbeafe; border-color: #60a5fa; }
    .badge.blocked { background: #451a03; color: #fde68a; border-color: #d97706; }
    .badge.unknown { background: #1f2937; color: #e5e7eb; border-color: #6b7280; }
    details {
      margin-top: 2px;
    }
    summary {
      cursor: pointer;
      color: #bfdbfe;
    }
    .checks li,
    .tree li {
      padding-inline-start: 1.2em;
      text-indent: -1.2em;
      overflow-wrap: anywhere;
    }
    .tree ul {
      padding-inline-start: 1em;
    }
    .ok { color: #6ee7b7; }
    .no { color: #fca5a5; }
    .log li {
      display: grid;
      grid-template-columns: max-content max-content 1fr;
      gap: 0 6px;
      padding: 2px 0;
      border-top: 1px solid #1f2937;
    }
    .kind {
      color: #9ca3af;
    }
    .kind.event {
      color: #c4b5fd;
    }
    .summary {
      overflow-wrap: anywhere;
    }
    .picked {
      margin-top: 8px;
      padding: 8px;
      border: 1px solid #1d4ed8;
      border-radius: 8px;
      background: #0b1730;
    }
    .picked code.selector {
      display: block;
      padding: 4px 6px;
      margin: 4px 0;
      background: #030712;
      border-radius: 4px;
      color: #fef3c7;
      overflow-wrap: anywhere;
      user-select: all;
    }
    .alternatives li {
      display: flex;
      align-items: baseline;
      gap: 6px;
      padding: 2px 0;
    }
    .alternatives code {
      flex: 1;
      overflow-wrap: anywhere;
    }
    .tools {
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
      margin-top: 6px;
    }
    .hint {
      margin: 0;
      padding: 6px 10px;
      color: #fde68a;
    }
    .shield {
      position: fixed;
      inset: 0;
      width: 100vw;
      height: 100vh;
      cursor: crosshair;
      background: transparent;
    }
    .box {
      position: fixed;
      box-sizing: border-box;
      pointer-events: none;
      border: 2px solid #f59e0b;
      background: rgb(245 158 11 / 0.12);
      border-radius: 2px;
    }
    .box .tag {
      position: absolute;
      bottom: 100%;
      left: -2px;
      margin-bottom: 2px;
      padding: 1px 6px;
      white-space: nowrap;
      max-width: calc(100vw - 16px);
      overflow: hidden;
      text-overflow: ellipsis;
      border-radius: 4px;
      background: #f59e0b;
      color: #111827;
      font: 600 11px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .box.flip .tag {
      left: auto;
      right: -2px;
    }
    .box.below .tag {
      bottom: auto;
      top: 100%;
      margin: 2px 0 0;
    }
    ${visuallyHiddenStyles}
    /* On a narrow screen Waymark's own launchers (checklist, help) span the bottom: stay clear of them. */
    @media (max-width: 639px) {
      .layer.bottom { bottom: 84px; }
      .panel { max-height: 50vh; }
    }
    @media (prefers-reduced-motion: no-preference) {
      .box {
        transition: top 60ms linear, left 60ms linear, width 60ms linear, height 60ms linear;
      }
    }
  `;

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

  private unsubscribe: (() => void) | null = null;
  private stopPicking: (() => void) | null = null;
  private ownStack: DismissibleStack | null = null;
  private subscribedTo: DebugSource | null = null;
  private readonly reposition = () => this.placeBox();

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.waymarkUi = 'debug';
    const prefs = this.readPrefs(this.ownerDocument.defaultView?.innerWidth ?? 1024);
    this.collapsed = prefs.collapsed;
    this.corner = prefs.corner;
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelPicking();
    this.clearPicked();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.subscribedTo = null;
    this.ownStack?.dispose();
    this.ownStack = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) this.subscribe();
  }

  protected override firstUpdated(): void {
    // In the top layer, above the page, without taking focus.
    this.show(this.layerElement);
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
    this.status = 'Picking: point at an element and click it. Escape cancels.';
    void this.updateComplete.then(() => {
      const shield = this.shieldElement;
      if (!shield || !this.picking) return;
      this.show(shield);
      // The panel and the highlight stay above the shield (the top layer is ordered by showing).
      this.reshow(this.layerElement);
      this.reshow(this.boxElement);
      this.stopPicking = startPicker({
        shield,
        stack: this.stack(),
        ignore: (element) => element === this || element.closest('[data-waymark-ui]') !== null,
        onHover: (element) => {
          this.hovered = element;
        },
        onPick: (element) => this.choose(element),
        onCancel: () => {
          this.cancelPicking();
          this.status = 'Picker closed.';
        },
      });
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
          ${this.pickedTarget ? this.renderPicked(this.pickedTarget) : nothing}
          <h3 id="wm-debug-experiences">Experiences</h3>
          <p class="muted counts">${counts.showing} showing · ${counts.eligible} eligible · ${counts.blocked} blocked</p>
          <input type="search" class="filter" aria-label="Filter experiences" placeholder="Filter by id, name, type or status"
            .value=${this.filter} @input=${this.onFilter} />
          ${needle ? html`<p class="muted" aria-live="polite">${shown.length} of ${snapshot.experiences.length}</p>` : nothing}
          <ul class="experiences" aria-labelledby="wm-debug-experiences">
            ${shown.map((experience) => this.renderExperience(experience))}
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

  private renderExperience(experience: DebugExperience): TemplateResult {
    const badge = badgeOf(experience);
    const why = experience.why;
    return html`<li data-experience=${experience.id} data-status=${badge}>
      <div class="row">
        <span class="badge ${badge}">${badge}</span>
        <span class="name"><bdi>${experience.name ?? experience.id}</bdi></span>
        <span class="muted">${experience.type}</span>
        <button type="button" class="start" aria-label=${`Start ${experience.id}`} @click=${() => this.source?.start(experience.id)}>Start</button>
      </div>
      ${experience.name ? html`<code class="muted">${experience.id}</code>` : nothing}
      <p class="reason"><bdi>${why?.reason ?? 'not evaluated yet'}</bdi></p>
      ${why
        ? html`<details>
            <summary>Why</summary>
            <ul class="checks">
              ${why.checks.map((check) => html`<li><span class=${check.ok ? 'ok' : 'no'}>${check.ok ? '✓' : '✗'}</span> ${check.check}: <bdi>${check.detail}</bdi></li>`)}
            </ul>
            ${why.condition ? html`<ul class="tree">${renderNode(why.condition)}</ul>` : nothing}
          </details>`
        : nothing}
    </li>`;
  }

  private renderPicked(picked: PickedTarget): TemplateResult {
    const best = picked.best;
    const others = picked.suggestions.filter((s) => s !== best);
    const selector = cssOf(picked);
    return html`<section class="picked" aria-labelledby="wm-debug-picked">
      <h3 id="wm-debug-picked">Picked element</h3>
      <p class="muted">&lt;${picked.element.localName}&gt; · ${best.kind} · <span class="match-count">${matchCount(best.count)}</span>${best.unique ? '' : ' — not unique'}</p>
      <code class="selector">${best.css ?? describeText(best)}</code>
      <p class="muted">Config: <code class="target">"target": ${formatTarget(best.target)}</code></p>
      ${selector && selector !== best.css ? html`<p class="muted">CSS: <code class="css">${selector}</code></p>` : nothing}
      <div class="tools">
        <button type="button" class="copy" @click=${() => this.copy(formatTarget(best.target))}>Copy target</button>
        ${selector ? html`<button type="button" class="copy-css" @click=${() => this.copy(selector)}>Copy selector</button>` : nothing}
        <button type="button" class="parent" ?disabled=${!parentOf(picked.element)} @click=${this.pickParent}>Parent element</button>
        <button type="button" class="clear" @click=${this.clearPicked}>Clear</button>
      </div>
      ${others.length > 0
        ? html`<details>
            <summary>Other targets (${others.length})</summary>
            <ul class="alternatives">
              ${others.map((s) => html`<li><code>${formatTarget(s.target)}</code><span class="muted">${matchCount(s.count)}</span>
                <button type="button" aria-label=${`Copy ${s.kind} target`} @click=${() => this.copy(formatTarget(s.target))}>Copy</button></li>`)}
            </ul>
          </details>`
        : nothing}
    </section>`;
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
    this.stopPicking?.();
    this.stopPicking = null;
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

  private listening = false;
  private listenForLayout(on: boolean): void {
    const win = this.source?.window;
    if (!win || on === this.listening) return;
    this.listening = on;
    if (on) {
      win.addEventListener('scroll', this.reposition, { capture: true, passive: true });
      win.addEventListener('resize', this.reposition, { passive: true });
    } else {
      win.removeEventListener('scroll', this.reposition, { capture: true });
      win.removeEventListener('resize', this.reposition);
    }
  }

  private stack(): DismissibleStack {
    if (this.source?.stack) return this.source.stack;
    this.ownStack ??= createDismissibleStack(this.source!.window);
    return this.ownStack;
  }

  private subscribe(): void {
    if (this.subscribedTo === (this.source ?? null) || !this.isConnected) return;
    this.unsubscribe?.();
    this.subscribedTo = this.source ?? null;
    this.unsubscribe = this.source?.subscribe(() => this.requestUpdate()) ?? null;
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

  /** The session's choice; without one, a narrow screen starts with the pill so the app stays usable. */
  private readPrefs(width: number): { collapsed: boolean; corner: Corner } {
    try {
      const raw = JSON.parse(this.ownerDocument.defaultView?.sessionStorage.getItem(PREFS_KEY) ?? '{}') as { collapsed?: unknown; corner?: unknown };
      return {
        collapsed: typeof raw.collapsed === 'boolean' ? raw.collapsed : width < NARROW,
        corner: CORNERS.includes(raw.corner as Corner) ? (raw.corner as Corner) : 'bottom-start',
      };
    } catch {
      return { collapsed: false, corner: 'bottom-start' };
    }
  }

  private savePrefs(): void {
    try {
      this.ownerDocument.defaultView?.sessionStorage.setItem(PREFS_KEY, JSON.stringify({ collapsed: this.collapsed, corner: this.corner }));
    } catch {
      // Storage may be off; the panel still works, it just forgets.
    }
  }
}

function badgeOf(experience: DebugExperience): Badge {
  const why = experience.why;
  if (!why) return 'unknown';
  if (why.active) return 'showing';
  return why.eligible ? 'eligible' : 'blocked';
}

function matchesFilter(experience: DebugExperience, needle: string): boolean {
  return [experience.id, experience.name ?? '', experience.type, badgeOf(experience), experience.why?.reason ?? ''].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

function renderNode(node: WhyNode): TemplateResult {
  return html`<li>
    <span class=${node.result ? 'ok' : 'no'}>${node.result ? '✓' : '✗'}</span> <bdi>${node.label}</bdi>${node.detail ? html` <span class="muted">(${node.detail})</span>` : nothing}
    ${node.children?.length ? html`<ul>${node.children.map(renderNode)}</ul>` : nothing}
  </li>`;
}

/** A CSS selector for the pick: the best target's, else the first unique one that has CSS. */
function cssOf(picked: PickedTarget): string | undefined {
  return picked.best.css ?? picked.suggestions.find((s) => s.unique && s.css)?.css;
}

function matchCount(count: number): string {
  return count === 1 ? '1 match' : `${count} matches`;
}

function describeText(suggestion: TargetSuggestion): string {
  const target = suggestion.target as { text?: string; role?: string; within?: string };
  return `${target.role ?? 'element'} "${target.text ?? ''}"${target.within ? ` within ${target.within}` : ''}`;
}

function describeBox(element: Element, best: TargetSuggestion | null): string {
  const rect = element.getBoundingClientRect();
  const size = `${Math.round(rect.width)}×${Math.round(rect.height)}`;
  if (best) return `${best.css ?? describeText(best)} · ${matchCount(best.count)}`;
  const anchor = element.getAttribute('data-waymark');
  return `${element.localName}${anchor ? `[data-waymark="${anchor}"]` : ''} ${size}`;
}

/** The parent across a shadow boundary (a shadow root's parent is its host). */
function parentOf(element: Element): Element | null {
  const parent = element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);
  return parent && parent.localName !== 'html' ? parent : null;
}

function clock(at: number): string {
  const date = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'wm-debug': WmDebug;
  }
}
