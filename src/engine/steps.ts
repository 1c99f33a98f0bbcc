/**
 * A tour step's behaviour with every default applied, so each component reads one resolved answer
 * instead of re-deriving the config's fallbacks (step, then tour, then the documented default).
 */
import type { HiddenTargetPolicy, TourExperience } from '../config/types.js';
import type { HiddenTargetHandling, StepView } from './contract.js';

export function stepView(tour: TourExperience, index: number): StepView | null {
  const step = tour.steps[index];
  if (!step) return null;
  const declared = step.onHiddenTarget ?? tour.onHiddenTarget;
  const onHiddenTarget = declared === undefined
    ? { phone: { kind: 'sheet' } as const, wide: { kind: 'as-missing' } as const }
    : { phone: handling(declared), wide: handling(declared) };
  return {
    index,
    id: step.id ?? String(index),
    count: tour.steps.length,
    onMissingTarget: step.onMissingTarget ?? tour.onMissingTarget ?? 'skip',
    onHiddenTarget,
    // Following a link only makes sense when clicking the target is the step's way forward.
    nextFollowsLink: step.nextFollowsLink ?? step.advanceOn?.click === true,
  };
}

function handling(policy: HiddenTargetPolicy): HiddenTargetHandling {
  if (policy === 'sheet' || policy === 'skip') return { kind: policy };
  if ('reveal' in policy) return { kind: 'reveal', target: policy.reveal };
  return { kind: 'fallback', target: policy.fallback };
}
