import type { Target } from '../config/types.js';

/**
 * Stable key of a Target. Sensors report element facts and clicks by this key, so two
 * spellings of the same CSS selector (`"#a"` and `{selector: "#a"}`) share one key.
 */
export function targetKey(target: Target): string {
  if (typeof target === 'string') return `css:${target}`;
  if ('selector' in target) return `css:${target.selector}`;
  if ('anchor' in target) return `anchor:${target.anchor}`;
  return `text:${JSON.stringify([target.text, target.role ?? '', target.within ?? ''])}`;
}
