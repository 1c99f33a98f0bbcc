import type { Target } from '../../config/types.js';
import { createTargetResolver } from '../targets/index.js';
import { keysMatching, pathElements } from './match.js';
import { runSensor, type SensorScope } from './scope.js';
import type { Disposer, SensorContext } from './types.js';

/**
 * Emits `click` with the keys of every configured target the clicked node is inside, through
 * one delegated capture listener (so a handler that stops propagation cannot hide the click).
 * The composed path is used, so targets inside open shadow roots count. Clicks on nothing
 * configured are not emitted.
 */
export function clickSensor(ctx: SensorContext, targets: ReadonlyMap<string, Target>): Disposer {
  return runSensor(ctx, 'click', (scope) => {
    if (targets.size === 0) return;
    const resolver = targetResolverFor(scope);
    scope.listen(scope.window.document, 'click', (event) => {
      const keys = keysMatching(pathElements(event), targets, resolver);
      if (keys.length > 0) scope.emit({ type: 'click', at: scope.now(), keys });
    }, { capture: true, passive: true });
  });
}

/** A resolver whose problems (an invalid selector) are reported once, through the sensor's channel. */
export function targetResolverFor(scope: SensorScope) {
  return createTargetResolver({ onIssue: (issue) => scope.report(new Error(issue.message)) });
}
