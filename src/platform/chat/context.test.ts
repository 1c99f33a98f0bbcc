import { describe, expect, it } from 'vitest';
import { contactOf, contextAttributes, contextSummary, contextTags, filterContext, traitAttributes } from './context.js';
import type { ChatContext } from '../../core/chat/contract.js';

const context: ChatContext = {
  user: { id: 'u-1', traits: { email: ' ona@example.lt ', name: '', plan: 'pro', seats: 3, nested: { a: 1 }, list: [1] } },
  stage: 'Power User',
  page: '/reports',
  step: { experienceId: 'tour.reports', step: 0, title: 'Pick a chart' },
  checklistItem: { experienceId: 'setup', item: 'invite', title: 'Invite your team' },
  struggle: { kind: 'dead-click' },
  articlesOpened: Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, title: `Article ${i}` })),
  recentErrors: ['E1', 'E2'],
};

describe('chat context', () => {
  it('keeps only the allowed parts, as copies, and the latest ten articles', () => {
    const shared = filterContext(context, ['user', 'step', 'articles']);
    expect(Object.keys(shared)).toEqual(['user', 'step', 'checklistItem', 'articlesOpened']);
    expect(shared.articlesOpened!.map((a) => a.id)).toEqual(['a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11']);
    shared.user!.traits.plan = 'free';
    expect(context.user.traits.plan).toBe('pro');
    expect(filterContext(context, [])).toEqual({});
  });

  it('flattens to prefixed attributes, clipped to 255 characters', () => {
    const attributes = contextAttributes(filterContext({ ...context, recentErrors: ['x'.repeat(300)] }));
    expect(attributes).toMatchObject({
      waymark_user_id: 'u-1',
      waymark_stage: 'Power User',
      waymark_step: '"Pick a chart" (tour tour.reports, step 1)',
      waymark_checklist_item: '"Invite your team" (checklist setup, item invite)',
      waymark_struggle: 'dead-click',
    });
    expect(String(attributes.waymark_errors)).toHaveLength(255);
    expect(Object.keys(contextAttributes({ stage: 's', page: '/p' }, '-'))).toEqual(['waymark-stage', 'waymark-page']);
  });

  it('offers scalar traits, contact fields, tags and a readable summary', () => {
    const shared = filterContext(context);
    expect(traitAttributes(shared)).toEqual({ plan: 'pro', seats: 3 });
    expect(contactOf(shared)).toEqual({ email: 'ona@example.lt' });
    expect(contextTags(shared)).toEqual(['waymark', 'stage-power-user', 'struggle-dead-click', 'tour-tour-reports']);
    expect(contextSummary(filterContext(context, ['stage', 'errors']))).toBe('Stage: Power User\nRecent errors: E1 | E2');
  });
});
