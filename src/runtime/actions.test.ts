import { describe, expect, it } from 'vitest';
import type { Action } from '../config/types.js';
import { createActionRunner } from './actions.js';
import type { Support } from './support.js';
import type { WaymarkError } from './errors.js';

/** A window that records where a url button tried to go. */
function setup(href = 'https://app.example/settings') {
  const opened: string[] = [];
  const assigned: string[] = [];
  const errors: WaymarkError[] = [];
  const win = {
    location: { href, assign: (url: string) => assigned.push(url) },
    open: (url: string) => {
      opened.push(url);
      return null;
    },
  } as unknown as Window;
  const run = createActionRunner({
    window: win,
    now: () => 0,
    send: () => {},
    support: {} as Support,
    experience: () => undefined,
    report: (error) => errors.push(error),
  });
  return { run: (action: Action) => run(action, 'x'), opened, assigned, errors };
}

describe('url buttons', () => {
  it('a same-site path replaces the tab; newTab opens one', () => {
    const t = setup();
    t.run({ type: 'url', url: '/billing' });
    t.run({ type: 'url', url: 'https://app.example/docs', newTab: true });
    expect(t.assigned).toEqual(['https://app.example/billing']);
    expect(t.opened).toEqual(['https://app.example/docs']);
  });

  it('an off-site link spelled as a path (//host, /\\host) never navigates the host tab: it opens a new one', () => {
    const t = setup();
    t.run({ type: 'url', url: '/\\evil.example/phish' });
    t.run({ type: 'url', url: '//evil.example/x' });
    t.run({ type: 'url', url: 'https://elsewhere.example/' });
    expect(t.assigned).toEqual([]);
    expect(t.opened.map((u) => new URL(u).host)).toEqual(['evil.example', 'evil.example', 'elsewhere.example']);
  });

  it('an unsafe scheme is refused and reported', () => {
    const t = setup();
    t.run({ type: 'url', url: 'javascript:alert(1)' });
    expect(t.assigned).toEqual([]);
    expect(t.opened).toEqual([]);
    expect(t.errors.map((e) => e.code)).toEqual(['unsafe-url']);
  });
});
