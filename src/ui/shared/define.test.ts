// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineElement } from './define.js';

class Ours extends HTMLElement {
  static readonly waymarkVersion = '0.1.0';
}
class Theirs extends HTMLElement {
  static readonly waymarkVersion = '0.0.9';
}
class Twin extends HTMLElement {
  static readonly waymarkVersion = '0.1.0';
}

describe('defineElement', () => {
  it('defines once and is idempotent', () => {
    const warnings: string[] = [];
    expect(defineElement(customElements, 'wm-test-a', Ours, (m) => warnings.push(m))).toBe('wm-test-a');
    expect(defineElement(customElements, 'wm-test-a', Ours, (m) => warnings.push(m))).toBe('wm-test-a');
    expect(customElements.get('wm-test-a')).toBe(Ours);
    expect(warnings).toEqual([]);
  });

  it('warns on a version clash, never throws, and serves this copy under a versioned tag', () => {
    const warnings: string[] = [];
    customElements.define('wm-test-b', Theirs);
    const tag = defineElement(customElements, 'wm-test-b', Twin, (m) => warnings.push(m));
    expect(tag).toBe('wm-test-b-v0-1-0');
    expect(customElements.get(tag)).toBe(Twin);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('0.0.9');
  });
});
