/**
 * The control-group gate: whether this user is held out of an experience (for measuring it). Its own
 * module, because both the scheduler and a start from code ask it.
 */
import type { CompiledExperience } from './catalog.js';
import type { EngineCore } from './core.js';
import { controlBucket, inPercentage } from './hash.js';
import type { ControlVerdict } from './scheduler.js';

export function controlGate(core: EngineCore, x: CompiledExperience): ControlVerdict {
  const held = core.recordOf(x)?.control === true || (x.control > 0 && inPercentage(controlBucket(core.facts.state.userId, x.id), x.control));
  if (held) return { gate: 'control group', ok: false, reason: 'in-group', percent: x.control };
  return { gate: 'control group', ok: true, reason: x.control > 0 ? 'not-in-group' : 'no-group', percent: x.control };
}
