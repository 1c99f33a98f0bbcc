/** The score scale of a survey: which values, and what each end is called. Pure. */
import type { SurveyExperience, SurveyFollowUp } from '../../config/types.js';
import type { StringKey, Translator } from '../shared/i18n-core.js';

export type ScaleDisplay = 'numbers' | 'stars' | 'faces';

export interface ScalePoint {
  value: number;
  /** What is shown on the radio for `numbers` (a localized number). */
  text: string;
  /** The radio's accessible name: it contains `text`, and at the ends the end's label. */
  name: string;
}

export interface Scale {
  display: ScaleDisplay;
  points: ScalePoint[];
  /** "0 = Not at all likely", shown under the low end. */
  lowEnd: string;
  highEnd: string;
}

const RANGES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
const DEFAULT_ENDS: Record<SurveyExperience['kind'], [StringKey, StringKey]> = {
  nps: ['npsLow', 'npsHigh'],
  csat: ['csat1', 'csat5'],
  ces: ['cesLow', 'cesHigh'],
};
const CSAT_FACES: readonly StringKey[] = ['csat1', 'csat2', 'csat3', 'csat4', 'csat5'];

export function buildScale(survey: SurveyExperience, t: Translator): Scale {
  const [low, high]: readonly [number, number] = RANGES[survey.kind];
  // Stars and faces are CSAT displays only; other kinds always show numbers.
  const display: ScaleDisplay = survey.kind === 'csat' ? (survey.scale ?? 'numbers') : 'numbers';
  const [lowKey, highKey] = DEFAULT_ENDS[survey.kind];
  const lowLabel = t.text(survey.lowLabel) || t.t(lowKey);
  const highLabel = t.text(survey.highLabel) || t.t(highKey);
  const points: ScalePoint[] = [];
  for (let value = low; value <= high; value++) {
    const text = display === 'stars' ? t.t('stars', { count: value }) : t.number(value);
    const endLabel = value === low ? lowLabel : value === high ? highLabel : null;
    // Every face is named by its feeling; numbers and stars only at the ends.
    const label = endLabel ?? (display === 'faces' ? t.t(CSAT_FACES[value - 1]!) : null);
    points.push({ value, text, name: label ? t.t('scaleEnd', { score: text, label }) : text });
  }
  return {
    display,
    points,
    lowEnd: t.t('scaleEnd', { score: points[0]!.text, label: lowLabel }),
    highEnd: t.t('scaleEnd', { score: points[points.length - 1]!.text, label: highLabel }),
  };
}

/** The first follow-up whose inclusive range holds the score. */
export function followUpFor(survey: SurveyExperience, score: number): SurveyFollowUp | undefined {
  return survey.followUps?.find(({ scores: [from, to] }) => score >= Math.min(from, to) && score <= Math.max(from, to));
}
