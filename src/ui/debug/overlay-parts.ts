/**
 * The debug overlay's pieces that need no element: status badges, the filter, and the templates
 * for one experience and for the picked element (actions come in as callbacks).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { WhyNode } from '../../engine/contract.js';
import { formatTarget, type PickedTarget, type TargetSuggestion } from './selector.js';
import type { DebugExperience } from './types.js';

export type Badge = 'showing' | 'eligible' | 'blocked' | 'unknown';

/** What the picked-element card's buttons do. */
export interface PickedActions {
  copy(text: string): void;
  parent(): void;
  clear(): void;
}

export function renderExperience(experience: DebugExperience, start: (experienceId: string) => void): TemplateResult {
  const badge = badgeOf(experience);
  const why = experience.why;
  return html`<li data-experience=${experience.id} data-status=${badge}>
    <div class="row">
      <span class="badge ${badge}">${badge}</span>
      <span class="name"><bdi>${experience.name ?? experience.id}</bdi></span>
      <span class="muted">${experience.type}</span>
      <button type="button" class="start" aria-label=${`Start ${experience.id}`} @click=${() => start(experience.id)}>Start</button>
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

export function renderPicked(picked: PickedTarget, on: PickedActions): TemplateResult {
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
      <button type="button" class="copy" @click=${() => on.copy(formatTarget(best.target))}>Copy target</button>
      ${selector ? html`<button type="button" class="copy-css" @click=${() => on.copy(selector)}>Copy selector</button>` : nothing}
      <button type="button" class="parent" ?disabled=${!parentOf(picked.element)} @click=${on.parent}>Parent element</button>
      <button type="button" class="clear" @click=${on.clear}>Clear</button>
    </div>
    ${others.length > 0
      ? html`<details>
          <summary>Other targets (${others.length})</summary>
          <ul class="alternatives">
            ${others.map((s) => html`<li><code>${formatTarget(s.target)}</code><span class="muted">${matchCount(s.count)}</span>
              <button type="button" aria-label=${`Copy ${s.kind} target`} @click=${() => on.copy(formatTarget(s.target))}>Copy</button></li>`)}
          </ul>
        </details>`
      : nothing}
  </section>`;
}

export function badgeOf(experience: DebugExperience): Badge {
  const why = experience.why;
  if (!why) return 'unknown';
  if (why.active) return 'showing';
  return why.eligible ? 'eligible' : 'blocked';
}

export function matchesFilter(experience: DebugExperience, needle: string): boolean {
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
export function cssOf(picked: PickedTarget): string | undefined {
  return picked.best.css ?? picked.suggestions.find((s) => s.unique && s.css)?.css;
}

export function matchCount(count: number): string {
  return count === 1 ? '1 match' : `${count} matches`;
}

function describeText(suggestion: TargetSuggestion): string {
  const target = suggestion.target as { text?: string; role?: string; within?: string };
  return `${target.role ?? 'element'} "${target.text ?? ''}"${target.within ? ` within ${target.within}` : ''}`;
}

export function describeBox(element: Element, best: TargetSuggestion | null): string {
  const rect = element.getBoundingClientRect();
  const size = `${Math.round(rect.width)}×${Math.round(rect.height)}`;
  if (best) return `${best.css ?? describeText(best)} · ${matchCount(best.count)}`;
  const anchor = element.getAttribute('data-waymark');
  return `${element.localName}${anchor ? `[data-waymark="${anchor}"]` : ''} ${size}`;
}

/** The parent across a shadow boundary (a shadow root's parent is its host). */
export function parentOf(element: Element): Element | null {
  const parent = element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);
  return parent && parent.localName !== 'html' ? parent : null;
}

export function clock(at: number): string {
  const date = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
