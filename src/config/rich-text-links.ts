/**
 * The links in rich text, found by parsing it: what the validator reports (refused hrefs, links to check). A module
 * of its own: the runtime renders rich text but never audits it, so a page carries none of this.
 */
import { parseRichText, type InlineNode } from './rich-text.js';

/** Every link href in `source` that `isSafeUrl` refuses, in order. */
export function findUnsafeLinks(source: string): string[] {
  // Every link is `[label](href)`: text without `](` has none, and need not be parsed.
  if (!source.includes('](')) return [];
  const unsafe: string[] = [];
  parseRichText(source, { onUnsafeLink: (href) => unsafe.push(href) });
  return unsafe;
}

export interface LinkFindings {
  /** Hrefs that became links, in order. */
  safe: string[];
  /** Hrefs refused by `isSafeUrl` (rendered as their label), in order. */
  unsafe: string[];
}

/** Every link href in `source`, safe and refused, from one parse. */
export function collectLinks(source: string): LinkFindings {
  const findings: LinkFindings = { safe: [], unsafe: [] };
  // Every link is `[label](href)`: text without `](` has none, and need not be parsed.
  if (!source.includes('](')) return findings;
  const visit = (nodes: InlineNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'link') findings.safe.push(node.href);
      if ('children' in node) visit(node.children);
    }
  };
  for (const block of parseRichText(source, { onUnsafeLink: (href) => findings.unsafe.push(href) })) {
    if (block.type === 'paragraph') visit(block.children);
    else for (const item of block.items) visit(item.children);
  }
  return findings;
}
