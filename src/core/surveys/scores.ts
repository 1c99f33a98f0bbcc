/**
 * NPS, CSAT and CES from a list of `survey_answered` analytics events, for teams analysing
 * exported events. Pure: no DOM, no clock. Formulas are documented in `docs/surveys.md`.
 */
import type { AnalyticsEvent } from '../../engine/contract.js';

export type SurveyKind = 'nps' | 'csat' | 'ces';

export interface NpsResult {
  /** % promoters − % detractors, from −100 to 100 (unrounded); null with no responses. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

export interface CsatResult {
  /** % of responses that are 4 or 5 (unrounded, 0–100); null with no responses. */
  score: number | null;
  /** Mean score, 1–5; null with no responses. */
  average: number | null;
  responses: number;
}

export interface CesResult {
  /** Mean score, 1–7; null with no responses. */
  average: number | null;
  responses: number;
}

export interface SurveyScores {
  nps: NpsResult;
  csat: CsatResult;
  ces: CesResult;
  /** `survey_answered` events left out: unknown kind, or a score that is not an integer on the kind's scale. */
  ignored: number;
  /** Repeats of an `answerId` already counted (a delivery retried after a crash), left out. */
  duplicates: number;
}

/** Each kind's scale, inclusive. */
export const SURVEY_SCALES: Readonly<Record<SurveyKind, readonly [number, number]>> = Object.freeze({
  nps: Object.freeze([0, 10] as const),
  csat: Object.freeze([1, 5] as const),
  ces: Object.freeze([1, 7] as const),
});

/**
 * Compute the three survey metrics. Every `survey_answered` event is one response (a user who
 * answered twice counts twice), except a repeat of an `answerId` already seen, which is the same
 * answer delivered again; other event types are skipped. The kind is read from
 * `props.kind` (what the engine emits) or `props.metric` (the forwarded vendor field).
 *
 * - NPS (0–10): promoters 9–10, passives 7–8, detractors 0–6;
 *   `score = 100 × (promoters − detractors) / responses`.
 * - CSAT (1–5): `score = 100 × (answers of 4 or 5) / responses`; `average` = mean score.
 * - CES (1–7): `average` = mean score (higher = easier, as the survey's labels say).
 *
 * With no responses for a kind, its score and average are `null` (not 0: no data is not a bad score).
 */
export function computeScores(events: readonly AnalyticsEvent[]): SurveyScores {
  const scores: Record<SurveyKind, number[]> = { nps: [], csat: [], ces: [] };
  let ignored = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  for (const event of events) {
    if (event.type !== 'survey_answered') continue;
    const answerId = event.props?.['answerId'];
    if (typeof answerId === 'string') {
      if (seen.has(answerId)) {
        duplicates++;
        continue;
      }
      seen.add(answerId);
    }
    const kind = kindOf(event.props?.['kind'] ?? event.props?.['metric']);
    const score = event.props?.['score'];
    if (!kind || typeof score !== 'number' || !onScale(kind, score)) {
      ignored++;
      continue;
    }
    scores[kind].push(score);
  }
  return { nps: nps(scores.nps), csat: csat(scores.csat), ces: ces(scores.ces), ignored, duplicates };
}

function kindOf(value: unknown): SurveyKind | null {
  return value === 'nps' || value === 'csat' || value === 'ces' ? value : null;
}

function onScale(kind: SurveyKind, score: number): boolean {
  const [low, high] = SURVEY_SCALES[kind];
  return Number.isInteger(score) && score >= low && score <= high;
}

function nps(scores: readonly number[]): NpsResult {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const responses = scores.length;
  return {
    score: responses === 0 ? null : (100 * (promoters - detractors)) / responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    responses,
  };
}

function csat(scores: readonly number[]): CsatResult {
  const responses = scores.length;
  const satisfied = scores.filter((s) => s >= 4).length;
  return {
    score: responses === 0 ? null : (100 * satisfied) / responses,
    average: mean(scores),
    responses,
  };
}

function ces(scores: readonly number[]): CesResult {
  return { average: mean(scores), responses: scores.length };
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
