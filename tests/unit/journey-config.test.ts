import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig, type ConfigIssue } from '../../src/config/index.js';

// The config contract of one guided journey: snooze, hidden targets, links, replay, the resource
// center, the host's own layers, and the leave-a-message email.
const doc = (experiences: unknown[], extra: Record<string, unknown> = {}) => ({ version: '1', experiences, ...extra });
const tour = (step: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) => ({ id: 'welcome', type: 'tour', steps: [{ title: 'Hi', target: '#menu', ...step }], ...fields });
const problems = (issues: ConfigIssue[]) => issues.map((i) => `${i.severity}:${i.path.join('.')}: ${i.message}`);
const accepted = (input: unknown) => {
  const { config, issues } = validateConfig(input);
  expect(problems(issues)).toEqual([]);
  return config!;
};
const rejectedAt = (input: unknown) => validateConfig(input).issues.filter((i) => i.severity === 'error').map((i) => i.path.join('.'));

describe('snooze ("Maybe later")', () => {
  it('is a button action with an optional duration, and the config sets the default', () => {
    const config = accepted(doc([tour({ buttons: [{ label: 'Maybe later', action: { type: 'snooze' } }, { label: 'Next week', action: { type: 'snooze', for: '1w' } }] })], { snooze: { for: '3d' } }));
    expect(config.snooze).toEqual({ for: '3d' });
    expect(config.experiences[0]!.type === 'tour' && config.experiences[0]!.steps[0]!.buttons!.map((b) => b.action)).toEqual([{ type: 'snooze' }, { type: 'snooze', for: '1w' }]);
  });

  it('refuses a duration that is not one', () => {
    expect(rejectedAt(doc([tour({ buttons: [{ label: 'Later', action: { type: 'snooze', for: 'tomorrow' } }] })]))).toEqual(['experiences.0.steps.0.buttons.0.action.for']);
    expect(rejectedAt(doc([], { snooze: { for: 'soon' } }))).toEqual(['snooze.for']);
  });
});

describe('tour steps: hidden targets and links', () => {
  it('accepts reveal, fallback, sheet and skip, per step and per tour', () => {
    for (const policy of [{ reveal: '#menu-button' }, { fallback: { anchor: 'menu' } }, 'sheet', 'skip']) {
      accepted(doc([tour({ onHiddenTarget: policy }, { onHiddenTarget: policy })]));
    }
  });

  it('refuses an unknown policy or a bad target', () => {
    expect(rejectedAt(doc([tour({ onHiddenTarget: 'hide' })]))).toEqual(['experiences.0.steps.0.onHiddenTarget']);
    expect(rejectedAt(doc([tour({ onHiddenTarget: { reveal: '' } })])).every((path) => path.startsWith('experiences.0.steps.0.onHiddenTarget'))).toBe(true);
    expect(rejectedAt(doc([tour({ onHiddenTarget: { reveal: '#a', fallback: '#b' } })])).length).toBeGreaterThan(0);
  });

  it('nextFollowsLink is a boolean; a tour has a title for users and may opt out of replay', () => {
    accepted(doc([tour({ advanceOn: { click: true }, nextFollowsLink: false }, { title: { en: 'Welcome', ru: 'Добро пожаловать' }, replayable: false })]));
    expect(rejectedAt(doc([tour({ nextFollowsLink: 'yes' })]))).toEqual(['experiences.0.steps.0.nextFollowsLink']);
  });
});

describe('resourceCenter, host and chat.emailTrait', () => {
  it('accepts a full resource center, the host layers and the email trait', () => {
    const config = accepted(
      doc([], {
        resourceCenter: { enabled: true, position: 'bottom-start', title: 'Help', checklist: true, help: { search: true, suggested: true, contact: false }, guides: true, announcements: false },
        host: { overlays: ['.drawer.is-open', '#cookie-dialog'], main: '#app-main' },
        chat: { provider: 'crisp', emailTrait: 'email' },
      }),
    );
    expect(config.resourceCenter?.position).toBe('bottom-start');
    expect(config.host?.overlays).toEqual(['.drawer.is-open', '#cookie-dialog']);
    expect(config.chat?.emailTrait).toBe('email');
    accepted(doc([], { resourceCenter: { help: false } }));
  });

  it('points at the broken field', () => {
    expect(rejectedAt(doc([], { resourceCenter: { position: 'middle' } }))).toEqual(['resourceCenter.position']);
    expect(rejectedAt(doc([], { resourceCenter: { help: { faq: true } } })).length).toBeGreaterThan(0);
    expect(rejectedAt(doc([], { host: { overlays: [''] } }))).toEqual(['host.overlays.0']);
    expect(rejectedAt(doc([], { chat: { provider: 'crisp', emailTrait: '' } }))).toEqual(['chat.emailTrait']);
  });
});

describe('the demo config', () => {
  it('says "Maybe later" with a snooze, not a dismissal', () => {
    const raw = JSON.parse(readFileSync(new URL('../../examples/waymark.config.json', import.meta.url), 'utf8'));
    const buttons: Array<{ label: unknown; action: { type: string } }> = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (Array.isArray(record['buttons'])) buttons.push(...(record['buttons'] as typeof buttons));
        Object.values(record).forEach(collect);
      }
    };
    collect(raw.experiences);
    const later = buttons.filter((button) => JSON.stringify(button.label).includes('Maybe later'));
    expect(later.length).toBeGreaterThan(0);
    expect(later.map((button) => button.action.type)).toEqual(later.map(() => 'snooze'));
  });
});
