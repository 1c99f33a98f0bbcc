import type { Target } from '../../config/types.js';
import { targetResolverFor } from './click.js';
import { keysMatching, pathElements } from './match.js';
import { runSensor, describeElement, truncate } from './scope.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';

interface RecentClick {
  at: number;
  x: number;
  y: number;
  keys: string[];
}

/**
 * Rage clicks: `rageClickCount` pointer clicks within `rageClickWindowMs` (injected clock), each
 * within `rageClickRadiusPx` of the latest. Emits one `struggle` per burst with the target keys
 * hit, then counts afresh. Only real pointer clicks count (trusted, with a click count): code
 * calling `el.click()` and keyboard activation are not a user hammering the mouse.
 */
export function rageClickSensor(ctx: SensorContext, targets: ReadonlyMap<string, Target>, options?: SensorOptions): Disposer {
  const { rageClickCount, rageClickWindowMs, rageClickRadiusPx, detailMaxLength } = resolveSensorOptions(options);
  return runSensor(ctx, 'rage-click', (scope) => {
    const resolver = targetResolverFor(scope);
    let recent: RecentClick[] = [];

    scope.listen<MouseEvent>(scope.window.document, 'click', (event) => {
      if (!event.isTrusted || event.detail === 0) return;
      const at = scope.now();
      const elements = pathElements(event);
      if (elements.length === 0) return;
      const click: RecentClick = { at, x: event.clientX, y: event.clientY, keys: keysMatching(elements, targets, resolver) };
      recent = recent.filter((earlier) => at - earlier.at <= rageClickWindowMs && Math.hypot(earlier.x - click.x, earlier.y - click.y) <= rageClickRadiusPx);
      recent.push(click);
      if (recent.length < Math.max(2, rageClickCount)) return;
      const keys = [...new Set(recent.flatMap((hit) => hit.keys))];
      const count = recent.length;
      recent = [];
      const on = elements[0] ? ` on ${describeElement(elements[0])}` : '';
      scope.emit({ type: 'struggle', at, kind: 'rage-click', keys, detail: truncate(`${count} clicks${on}`, detailMaxLength) });
    }, { capture: true, passive: true });
  });
}
