import { describe, expect, it } from 'vitest';
import { validateConfig } from './validate.js';

const messages = (input: unknown): string[] => validateConfig(input).issues.map((issue) => issue.message);

describe('one validation reports every issue', () => {
  it('checks the references of a unit its schema refused, without repeating the schema errors', () => {
    const result = validateConfig({
      version: '1',
      stages: [{ id: 'setup' }, { id: 'broken', enterWhen: { nope: 1 } }],
      articles: [{ id: 'start', title: 'Start', url: '/start' }],
      experiences: [
        // Shape error (placement) and an unknown stage, in one unit: both are reported now.
        { id: 'h', type: 'hint', target: '#a', body: 'b', placement: 'bottm', stages: ['setpu'], articles: ['strat'] },
        // The schema refuses the stage list's second entry: that entry is not reported twice.
        { id: 'x', type: 'hint', target: '#a', body: 'b', stages: ['nope', 5] },
      ],
    });
    expect(result.config?.experiences).toEqual([]);
    expect(result.issues.map((issue) => [issue.code, issue.severity, issue.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['invalid-value', 'error', 'experiences.0.placement'],
        ['unknown-stage', 'error', 'experiences.0.stages.0'],
        ['unknown-article', 'warning', 'experiences.0.articles.0'],
        ['invalid-type', 'error', 'experiences.1.stages.1'],
        ['unknown-stage', 'error', 'experiences.1.stages.0'],
      ]),
    );
    expect(result.issues.filter((issue) => issue.path.join('.') === 'experiences.1.stages.1')).toHaveLength(1);
    expect(result.issues.map((issue) => issue.message)).toContain('experiences[0].stages[0]: unknown stage "setpu"; did you mean "setup"?');
  });

  it('checks references in refused stages and articles too', () => {
    const found = messages({
      version: '1',
      stages: [{ id: 'a', name: 5, enterWhen: { stage: { is: 'nowhere' } } }],
      experiences: [],
    });
    expect(found.some((message) => message.startsWith('stages[0].name: '))).toBe(true);
    expect(found.some((message) => message.includes('unknown stage "nowhere"'))).toBe(true);
  });

  it('a unit too broken for the reference checks still reports its schema errors and never throws', () => {
    const found = messages({ version: '1', experiences: [{ id: 't', type: 'tour', steps: 'oops', stages: 7 }, 5, { id: 'c', type: 'checklist', items: [null] }] });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((message) => !message.includes('internal'))).toBe(true);
  });
});

describe('near-miss values get a suggestion', () => {
  it('for an enum value', () => {
    expect(messages({ version: '1', experiences: [{ id: 'h', type: 'hint', target: '#a', body: 'b', placement: 'bottm' }] })).toEqual([
      'experiences[0].placement: expected one of "auto", "top", "bottom", "left", "right", "top-start", "top-end", "bottom-start", "bottom-end", "left-start", "left-end", "right-start", "right-end" or "center", got "bottm"; did you mean "bottom"?',
    ]);
    expect(messages({ version: '1', experiences: [{ id: 'h', type: 'hint', target: '#a', body: 'b', frequency: { show: 'onse' } }] })[0]).toMatch(/got "onse"; did you mean "once"\?$/);
  });

  it('for the experience type', () => {
    expect(messages({ version: '1', experiences: [{ id: 't', type: 'tuor', steps: [] }] })[0]).toMatch(/got "tuor"; did you mean "tour"\?$/);
  });

  it('and none for a value that is nothing like the allowed ones', () => {
    expect(messages({ version: '1', experiences: [{ id: 'h', type: 'hint', target: '#a', body: 'b', placement: 'sideways' }] })[0]).not.toContain('did you mean');
  });
});
