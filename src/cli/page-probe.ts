/**
 * Counts what each config target matches in a document, with the SDK's own resolver (CSS
 * selectors, `{anchor}`, `{text, role, within}`, open shadow roots included), so the CLI's
 * `--page` check agrees with what the runtime will find. Runs wherever the document is: in
 * Node over a happy-dom document, or bundled into a page in Chromium. Touches only `doc`.
 */
import type { Target } from '../config/types.js';
import { createTargetResolver, openShadowRoots } from '../platform/targets/index.js';

export interface TargetCount {
  /** Elements the target matches (document and open shadow roots). */
  count: number;
  /** Why the target cannot be used at all, e.g. an invalid CSS selector. */
  invalid?: string;
}

export function countTargets(targets: readonly Target[], doc: Document): TargetCount[] {
  const roots = [doc, ...openShadowRoots(doc)];
  return targets.map((target) => {
    let invalid: string | undefined;
    const resolver = createTargetResolver({ onIssue: (issue) => (invalid ??= issue.message) });
    const count = resolver.all(target, roots).length;
    return invalid === undefined ? { count } : { count, invalid };
  });
}

/**
 * Declarative shadow DOM (`<template shadowrootmode="open">`) for parsers that leave it as a
 * template (happy-dom): attach the shadow roots the browser would have made, nested ones too.
 */
export function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (let template = nextTemplate(root); template; template = nextTemplate(root)) {
    const host = template.parentElement;
    template.remove();
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    attachDeclarativeShadowRoots(shadow);
  }
}

function nextTemplate(root: Document | ShadowRoot): HTMLTemplateElement | null {
  return root.querySelector<HTMLTemplateElement>('template[shadowrootmode]');
}
