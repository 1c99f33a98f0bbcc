import { runSensor } from './scope.js';
import type { Disposer, SensorContext } from './types.js';
import { watchUrl } from './url.js';

/**
 * Emits `page` with the new URL whenever an SPA navigation changes it (pushState, replaceState,
 * back/forward, hash changes, Navigation API). The initial page is the runtime's to report.
 */
export function routeSensor(ctx: SensorContext): Disposer {
  return runSensor(ctx, 'route', (scope) => {
    const doc = scope.window.document;
    watchUrl(scope, (url) => scope.emit({ type: 'page', at: scope.now(), url, title: doc.title }));
  });
}
