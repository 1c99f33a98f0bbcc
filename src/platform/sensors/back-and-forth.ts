import { createScope, truncate } from './scope.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';
import { watchUrl } from './url.js';

/**
 * Back-and-forth navigation: the user keeps returning to the route they just left (A → B → A
 * counts one return), `backAndForthReturns` times within `backAndForthWindowMs`. Emits one
 * `struggle` per burst, then starts counting afresh.
 */
export function backAndForthSensor(ctx: SensorContext, options?: SensorOptions): Disposer {
  const { backAndForthReturns, backAndForthWindowMs, detailMaxLength } = resolveSensorOptions(options);
  const scope = createScope(ctx, 'back-and-forth');
  const origin = scope.window.location.origin;
  /** The route before the current one, and the current one. */
  let left: string | null = null;
  let current = routeOf(scope.window.location.href, origin);
  let returns: number[] = [];

  watchUrl(scope, (href) => {
    const route = routeOf(href, origin);
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
    scope.emit({ type: 'struggle', at, kind: 'back-and-forth', detail: truncate(`${withoutQuery(left)} ⇄ ${withoutQuery(route)}`, detailMaxLength) });
  });
  return scope.dispose;
}

/** The route part of a URL: path, query and fragment (hash routers live there), without the origin. */
function routeOf(href: string, origin: string): string {
  return href.startsWith(origin) ? href.slice(origin.length) || '/' : href;
}

/** Query strings can carry personal data (emails, tokens); the detail names the routes without them. */
function withoutQuery(route: string | null): string {
  return (route ?? '').replace(/\?[^#]*/, '');
}
