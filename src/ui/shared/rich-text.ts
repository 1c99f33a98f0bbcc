/**
 * Rich text (the safe subset parsed by config/rich-text.ts) rendered to Lit templates. Nothing
 * is ever parsed as HTML: every string ends up in a text binding, and link targets have already
 * passed `isSafeUrl` in the parser (unsafe links arrive as plain text). Whether a link opens in a
 * new tab is decided on where it resolves, not on how it is spelled.
 */
import { html, type TemplateResult } from 'lit';
import { parseRichText, type BlockNode, type InlineNode } from '../../config/rich-text.js';
import { isExternalLink } from '../../config/links.js';

export interface RichTextOptions {
  /** Visually hidden suffix for links that open a new tab, e.g. "(opens in a new tab)". */
  newTabLabel: string;
  /** The page's origin: links to other origins open in a new tab. */
  origin?: string;
}

export function renderRichText(source: string, options: RichTextOptions): TemplateResult {
  return html`${parseRichText(source).map((block) => renderBlock(block, options))}`;
}

function renderBlock(block: BlockNode, options: RichTextOptions): TemplateResult {
  if (block.type === 'list') {
    return html`<ul>${block.items.map((item) => html`<li>${renderInlines(item.children, options)}</li>`)}</ul>`;
  }
  return html`<p>${renderInlines(block.children, options)}</p>`;
}

function renderInlines(nodes: InlineNode[], options: RichTextOptions): unknown[] {
  return nodes.map((node) => renderInline(node, options));
}

function renderInline(node: InlineNode, options: RichTextOptions): unknown {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'break':
      return html`<br />`;
    case 'code':
      return html`<code>${node.value}</code>`;
    case 'strong':
      return html`<strong>${renderInlines(node.children, options)}</strong>`;
    case 'em':
      return html`<em>${renderInlines(node.children, options)}</em>`;
    case 'link':
      return isExternal(node.href, options.origin)
        ? html`<a part="link" href=${node.href} target="_blank" rel="noopener noreferrer"
            >${renderInlines(node.children, options)}<span class="visually-hidden"> ${options.newTabLabel}</span></a
          >`
        : html`<a part="link" href=${node.href}>${renderInlines(node.children, options)}</a>`;
  }
}

/**
 * A link that leaves the page's origin once resolved (`//evil.example`, `/\evil.example` included);
 * mailto/tel and same-origin links are not "external". Without an origin, every http(s) host is.
 */
export function isExternal(href: string, origin: string | undefined): boolean {
  if (/^(?:mailto|tel):/i.test(href)) return false;
  return isExternalLink(href, origin ?? UNKNOWN_ORIGIN);
}

/** Stands in for the page when its origin is unknown: relative links stay, any host leaves. */
const UNKNOWN_ORIGIN = 'https://page.invalid';
