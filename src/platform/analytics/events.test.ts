import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../../engine/contract.js';
import { EVENT_TYPES, VENDOR_PROPS, snakeCase, snakeEventName, vendorProperties, wordsEventName } from './events.js';

const reference = readFileSync(new URL('../../../docs/analytics-events.md', import.meta.url), 'utf8');

/** The reference's section for one event: from its heading to the next one. */
function section(type: string): string {
  const start = reference.indexOf(`\n### \`${type}\``);
  if (start < 0) return '';
  const end = reference.indexOf('\n### ', start + 1);
  return reference.slice(start, end < 0 ? undefined : end);
}

describe('analytics event reference (docs/analytics-events.md)', () => {
  it('has a section for every event type, with its name in every sink', () => {
    for (const type of EVENT_TYPES) {
      const text = section(type);
      expect(text, `section for ${type}`).not.toBe('');
      expect(text, type).toContain(`\`${snakeEventName(type)}\``);
      expect(text, type).toContain(`\`${wordsEventName(type)}\``);
    }
  });

  it('documents each forwarded prop under both its event name and its vendor name', () => {
    for (const type of EVENT_TYPES) {
      const text = section(type);
      for (const key of VENDOR_PROPS[type]) {
        expect(text, `${type}.${key}`).toContain(`\`${key}\``);
        expect(text, `${type}.${key}`).toContain(`\`${snakeCase(key)}\``);
      }
    }
  });
});

describe('vendor event names', () => {
  it('are valid GA4 event names (letters, digits, underscores; at most 40 characters)', () => {
    for (const type of EVENT_TYPES) expect(snakeEventName(type)).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
  });

  it('read as "Waymark Object Action" in Title Case', () => {
    expect(wordsEventName('experience_would_have_shown')).toBe('Waymark Experience Would Have Shown');
    expect(wordsEventName('sdk_error')).toBe('Waymark SDK Error');
  });
});

describe('vendorProperties', () => {
  const base: AnalyticsEvent = { type: 'step_viewed', at: 5, userId: 'jane@example.com', sessionId: 's-1', experienceId: 'welcome', experienceType: 'tour' };

  it('flattens to snake_case and keeps only the documented props of the event type', () => {
    const props = { step: 2, stepId: 'billing', stepCount: 4, title: 'Billing', item: 'not-a-step-prop' };
    expect(vendorProperties({ ...base, props })).toEqual({ experience_id: 'welcome', experience_type: 'tour', step: 2, step_id: 'billing', step_count: 4 });
  });

  it('leaves out user and session ids, free text and nested values', () => {
    const flat = vendorProperties({ type: 'help_searched', at: 1, userId: 'jane@example.com', sessionId: 's-1', props: { query: 'cancel my plan', results: { count: 2 } } });
    expect(flat).toEqual({});
  });

  it('keeps null and drops non-finite numbers', () => {
    expect(vendorProperties({ type: 'stage_changed', at: 1, userId: 'u', props: { from: null, to: 'activated' } })).toEqual({ from: null, to: 'activated' });
    expect(vendorProperties({ ...base, props: { step: Number.NaN } })).toEqual({ experience_id: 'welcome', experience_type: 'tour' });
  });

  it('ignores inherited keys and unknown event types', () => {
    const props = Object.create({ step: 1 }) as Record<string, number>;
    expect(vendorProperties({ ...base, props })).toEqual({ experience_id: 'welcome', experience_type: 'tour' });
    expect(vendorProperties({ type: 'constructor' as AnalyticsEvent['type'], at: 1, userId: 'u', props: { step: 1 } })).toEqual({});
  });
});
