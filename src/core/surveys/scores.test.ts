import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../../engine/contract.js';
import { computeScores } from './scores.js';

const answer = (kind: string, score: unknown, key: 'kind' | 'metric' = 'kind'): AnalyticsEvent => ({
  type: 'survey_answered',
  at: 0,
  userId: 'user',
  experienceType: 'survey',
  props: { [key]: kind, score: score as number },
});
const many = (kind: string, scores: number[]) => scores.map((score) => answer(kind, score));

describe('computeScores', () => {
  it('returns null scores (not zero) when there are no responses', () => {
    expect(computeScores([])).toEqual({
      nps: { score: null, promoters: 0, passives: 0, detractors: 0, responses: 0 },
      csat: { score: null, average: null, responses: 0 },
      ces: { average: null, responses: 0 },
      ignored: 0,
      duplicates: 0,
    });
  });

  it('counts an answer delivered twice (same answerId) once', () => {
    const withId = (score: number, answerId: string): AnalyticsEvent => ({ ...answer('nps', score), props: { kind: 'nps', score, answerId } });
    // Events without an id (older exports) each count.
    const result = computeScores([withId(10, 'a1'), withId(10, 'a1'), withId(0, 'a2'), answer('nps', 9), answer('nps', 9)]);
    expect(result.nps).toEqual({ score: 50, promoters: 3, passives: 0, detractors: 1, responses: 4 });
    expect(result.duplicates).toBe(1);
  });

  it('NPS: 10 answers, 5 promoters, 2 passives, 3 detractors → 50% − 30% = 20', () => {
    const result = computeScores(many('nps', [10, 9, 9, 10, 9, 8, 7, 6, 0, 3]));
    expect(result.nps).toEqual({ score: 20, promoters: 5, passives: 2, detractors: 3, responses: 10 });
  });

  it('NPS boundaries: 6 is a detractor, 7 and 8 passives, 9 a promoter', () => {
    expect(computeScores(many('nps', [6])).nps.score).toBe(-100);
    expect(computeScores(many('nps', [7, 8])).nps).toMatchObject({ score: 0, passives: 2 });
    expect(computeScores(many('nps', [9])).nps.score).toBe(100);
  });

  it('NPS is not rounded: 1 promoter, 2 passives → 33.33…', () => {
    expect(computeScores(many('nps', [10, 7, 8])).nps.score).toBeCloseTo(100 / 3, 10);
  });

  it('CSAT: the share of 4s and 5s, and the mean', () => {
    // 5, 4, 4, 3, 1 → 3 of 5 satisfied = 60%; mean 17 / 5 = 3.4
    expect(computeScores(many('csat', [5, 4, 4, 3, 1])).csat).toEqual({ score: 60, average: 3.4, responses: 5 });
  });

  it('CES: the mean of 1–7 answers', () => {
    // 7 + 6 + 2 + 5 = 20 / 4 = 5
    expect(computeScores(many('ces', [7, 6, 2, 5])).ces).toEqual({ average: 5, responses: 4 });
  });

  it('keeps kinds apart in one mixed list and skips other event types', () => {
    const shown: AnalyticsEvent = { type: 'experience_shown', at: 1, userId: 'u', props: { kind: 'nps', score: 0 } };
    const result = computeScores([shown, answer('nps', 10), answer('csat', 2), answer('ces', 4), answer('nps', 0)]);
    expect(result.nps).toMatchObject({ score: 0, promoters: 1, detractors: 1, responses: 2 });
    expect(result.csat).toEqual({ score: 0, average: 2, responses: 1 });
    expect(result.ces).toEqual({ average: 4, responses: 1 });
    expect(result.ignored).toBe(0);
  });

  it('reads the forwarded `metric` prop as well as `kind`', () => {
    const result = computeScores([answer('csat', 5, 'metric'), answer('csat', 1, 'kind')]);
    expect(result.csat).toEqual({ score: 50, average: 3, responses: 2 });
  });

  it('ignores answers off the scale, non-integers, non-numbers and unknown kinds, and counts them', () => {
    const result = computeScores([
      answer('nps', 11),
      answer('nps', -1),
      answer('csat', 0),
      answer('csat', 4.5),
      answer('ces', 8),
      answer('ces', '5'),
      answer('ces', Number.NaN),
      answer('sus', 3),
      { type: 'survey_answered', at: 1, userId: 'u' },
      answer('nps', 9),
    ]);
    expect(result.ignored).toBe(9);
    expect(result.nps).toMatchObject({ score: 100, responses: 1 });
    expect(result.csat.responses).toBe(0);
    expect(result.ces.average).toBe(null);
  });
});
