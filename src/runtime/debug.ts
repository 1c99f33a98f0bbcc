/**
 * The runtime side of the debug overlay: from the instance's internals, the data source the
 * overlay renders (experiences with `why()`, stage, traits, locale, recent signals and events)
 * and the actions it may take (start, reset, switch locale). Loaded with `import()` only when
 * debug is on, together with the overlay itself.
 */
import type { WaymarkConfig } from '../config/types.js';
import { localize } from '../config/rich-text.js';
import type { AnalyticsEvent, Json, Signal } from '../engine/contract.js';
import type { Engine } from '../engine/index.js';
import { accessibleText, resolveAllTargets, roleOf } from '../platform/targets/index.js';
import type { DismissibleStack } from '../ui/shared/dismissible-stack.js';
import { tagName, type WmDebug } from '../ui/debug/define.js';
import type { DebugLogEntry, DebugSnapshot, DebugSource } from '../ui/debug/types.js';
import type { DebugLog, DebugRecord } from './debug-log.js';

export interface DebugInternals {
  window: Window;
  config(): WaymarkConfig;
  engine(): Engine | null;
  userId(): string;
  locale(): string;
  now(): number;
  log: DebugLog;
  stack?: DismissibleStack;
  start(experienceId: string): void;
  reset(): void;
  setLocale(locale: string): void;
  /** Subscribe to the instance's own notifications (show, hide, stage, ready). */
  onChange(listener: () => void): () => void;
  reportError(error: unknown, where: string): void;
}

/** The overlay's data source over the live instance. */
export function createDebugSource(internals: DebugInternals): DebugSource & { dispose(): void } {
  const listeners = new Set<() => void>();
  let scheduled = false;
  // Batched: a burst of signals re-renders the overlay once, after the engine has applied them.
  const notify = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          internals.reportError(error, 'debug:listener');
        }
      }
    });
  };
  const stops = [internals.log.subscribe(notify), internals.onChange(notify)];

  const guarded = (where: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      internals.reportError(error, where);
    }
    notify();
  };

  return {
    window: internals.window,
    stack: internals.stack,
    snapshot: () => snapshotOf(internals),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: (id) => guarded('debug:start', () => internals.start(id)),
    reset: () => guarded('debug:reset', () => internals.reset()),
    setLocale: (locale) => guarded('debug:locale', () => internals.setLocale(locale)),
    targets: {
      all: (target) => resolveAllTargets(target, internals.window.document),
      roleOf,
      accessibleText,
    },
    dispose() {
      for (const stop of stops) stop();
      listeners.clear();
    },
  };
}

/** Mount the overlay on the page; the returned function removes it and everything it listens to. */
export function mountDebug(internals: DebugInternals): () => void {
  const source = createDebugSource(internals);
  const doc = internals.window.document;
  const element = doc.createElement(tagName) as WmDebug;
  element.source = source;
  (doc.body ?? doc.documentElement).append(element);
  return () => {
    element.remove();
    source.dispose();
  };
}

export function snapshotOf(internals: DebugInternals): DebugSnapshot {
  const config = internals.config();
  const engine = internals.engine();
  const locale = internals.locale();
  const at = internals.now();
  const traits: Record<string, Json> = {};
  for (const [key, register] of Object.entries(engine?.state.traits ?? {})) traits[key] = register.v;
  const stageId = engine?.stage ?? null;
  const stageDef = config.stages?.find((stage) => stage.id === stageId);
  const supported = config.locale?.supported ?? [config.locale?.default ?? 'en'];
  return {
    userId: internals.userId(),
    stage: stageDef?.name ? { id: stageId, name: localize(stageDef.name, locale, 'en') } : { id: stageId },
    traits,
    locale,
    locales: supported.includes(locale) ? [...supported] : [locale, ...supported],
    experiences: config.experiences.map((experience) => {
      let why = null;
      try {
        why = engine ? engine.why(experience.id, at) : null;
      } catch (error) {
        internals.reportError(error, `debug:why:${experience.id}`);
      }
      return { id: experience.id, ...(experience.name ? { name: experience.name } : {}), type: experience.type, why };
    }),
    log: internals.log.records().map(describeRecord),
  };
}

export function describeRecord(record: DebugRecord): DebugLogEntry {
  const base = { seq: record.seq, at: record.value.at };
  if (record.kind === 'event') return { ...base, kind: 'event', type: record.value.type, summary: describeEvent(record.value) };
  return { ...base, kind: 'signal', type: record.value.type, summary: describeSignal(record.value) };
}

function describeSignal(signal: Signal): string {
  switch (signal.type) {
    case 'session':
      return signal.sessionId;
    case 'page':
      return signal.url;
    case 'track':
      return `${signal.name}${props(signal.props)}`;
    case 'identify':
      return `${signal.userId}${props(signal.traits)}`;
    case 'traits':
      return props(signal.traits).trim();
    case 'set-stage':
      return signal.stage;
    case 'element':
      return `${signal.key} ${signal.present ? 'present' : 'absent'}${signal.present ? (signal.visible ? ', visible' : ', hidden') : ''}`;
    case 'click':
      return signal.keys.join(', ');
    case 'idle':
      return signal.idle ? 'idle' : 'active again';
    case 'struggle':
      return `${signal.kind}${signal.detail ? `: ${signal.detail}` : ''}`;
    case 'tick':
      return '';
    case 'start':
    case 'dismiss':
      return signal.experienceId;
    case 'action': {
      const { type, ...rest } = signal.action;
      return `${signal.experienceId} ${type}${Object.keys(rest).length ? ` ${short(JSON.stringify(rest))}` : ''}`;
    }
  }
}

function describeEvent(event: AnalyticsEvent): string {
  return `${event.experienceId ?? ''}${props(event.props)}`.trim();
}

function props(value: Record<string, Json> | undefined): string {
  return value && Object.keys(value).length > 0 ? ` ${short(JSON.stringify(value))}` : '';
}

function short(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
