import { runSensor, truncate } from './scope.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';

const MINUTE_MS = 60_000;

/**
 * JavaScript errors and unhandled promise rejections in the page, as `struggle` `error`. The
 * detail is the message, cut short, plus the file and line only when the script is same-origin;
 * stacks are never sent. Cross-origin scripts arrive as the browser's opaque "Script error.".
 * The page's own handling is left alone (no preventDefault), and at most `errorsPerMinute` are
 * emitted so a failing animation loop cannot flood the engine.
 */
export function errorSensor(ctx: SensorContext, options?: SensorOptions): Disposer {
  const { detailMaxLength, errorsPerMinute } = resolveSensorOptions(options);
  return runSensor(ctx, 'error', (scope) => {
    const win = scope.window;
    let sent: number[] = [];

    const emit = (detail: string): void => {
      const at = scope.now();
      sent = sent.filter((when) => at - when < MINUTE_MS);
      if (sent.length >= errorsPerMinute) return;
      sent.push(at);
      scope.emit({ type: 'struggle', at, kind: 'error', detail: truncate(detail, detailMaxLength) });
    };

    // Bubble phase on the window: runtime errors only (resource load errors do not bubble).
    scope.listen<ErrorEvent>(win, 'error', (event) => {
      if (!(event instanceof win.ErrorEvent)) return;
      emit(`${event.message || 'Error'}${sameOriginLocation(event, win.location.origin)}`);
    });
    scope.listen<PromiseRejectionEvent>(win, 'unhandledrejection', (event) => {
      emit(`Unhandled rejection: ${describeReason(event.reason)}`);
    });
  });
}

function sameOriginLocation(event: ErrorEvent, origin: string): string {
  if (!event.filename) return '';
  try {
    const url = new URL(event.filename);
    return url.origin === origin ? ` (${url.pathname}:${event.lineno})` : '';
  } catch {
    return ''; // not a URL (e.g. "inline"): nothing useful to add
  }
}

function describeReason(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  if (typeof reason === 'string') return reason;
  if (reason !== null && typeof reason === 'object') {
    const { name, message } = reason as { name?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof name === 'string' ? `${name}: ${message}` : message;
    return Object.prototype.toString.call(reason);
  }
  return String(reason);
}
