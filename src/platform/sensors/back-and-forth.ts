import { runSensor, truncate } from './scope.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';
import { watchUrl } from './url.js';

/**
 * Back-and-forth navigation: the user keeps returning to the route they just left (A → B → A
 * counts one return), `backAndForthReturns` times within `backAndForthWindowMs`. Emits one
 * `struggle` per burst, then starts counting afresh.
 */
export function backAndForthSensor(ctx: SensorContext, options?: SensorOptions): Disposer {
  const { backAndForthReturns, backAndForthWindowMs, detailMaxLength } = resolveSensorOptions(options);
  return runSensor(ctx, 'back-and-forth', (scope) => {
    /** The route before the current one, and the current one. */
    let left: string | null = null;
    let current = routeOf(scope.window.location.href);
    let returns: number[] = [];

    watchUrl(scope, (href) => {
      const route = routeOf(href);
      if (route === current) return;
      const returned = route === left;
      left = current;
      current = route;
      if (!returned) return;
      const at = scope.now();
      returns = returns.filter((when) => at - when <= backAndForthWindowMs);
      returns.push(at);
      if (returns.length < Math.max(1, backAndForthReturns)) return;
      returns = [];
      scope.emit({ type: 'struggle', at, kind: 'back-and-forth', detail: truncate(`${left} ⇄ ${route}`, detailMaxLength) });
    });
  });
}

/**
 * The route of a URL: path and fragment (hash routers keep their routes there). The query is
 * left out: `?page=2` is the same screen, and query strings can carry personal data.
 */
function routeOf(href: string): string {
  try {
    const url = new URL(href);
    return url.pathname + url.hash;
  } catch {
    return href;
  }
}
