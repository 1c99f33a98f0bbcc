/**
 * What each signal from the world changes: the facts conditions read (page, events, traits,
 * elements, clicks, idle, struggles) and the units to re-evaluate. User actions on experiences
 * go to their machines (see engine.ts); deciding happens afterwards, in the settle pass.
 */
import { DEP, type StruggleFact } from './conditions.js';
import type { Json, Signal, Traits } from './contract.js';
import type { EngineCore } from './core.js';
import { boundVisited, cloneJson, stableJson } from './merge.js';
import { LIMITS, dict, eventOrder, insertBounded, own, put, sessionOrder, type EventEntry, type EventLog } from './state.js';
import { parseLocation } from './url.js';

const STRUGGLE_MEMORY = 200;

export type WorldSignal = Exclude<Signal, { type: 'start' | 'dismiss' | 'action' }>;

export function applySignal(core: EngineCore, signal: WorldSignal): void {
  switch (signal.type) {
    case 'session':
      return startSession(core, signal.sessionId);
    case 'page':
      return enterPage(core, signal.url);
    case 'track':
      return track(core, signal.name, signal.props);
    case 'identify':
      if (signal.userId && signal.userId !== core.state.userId) {
        core.state.userId = signal.userId;
        core.changed = true;
        core.markAll();
      }
      if (signal.traits) setTraits(core, signal.traits);
      return;
    case 'traits':
      return setTraits(core, signal.traits);
    case 'set-stage':
      return core.moveStage(signal.stage, 'code');
    case 'element':
      return elementChanged(core, signal.key, signal.present, signal.visible);
    case 'click':
      return clicked(core, signal.keys);
    case 'idle':
      core.facts.idleSince = signal.idle ? (core.facts.idleSince ?? core.facts.at) : null;
      return core.markKey(DEP.idle);
    case 'struggle':
      return struggled(core, signal.kind, signal.keys ?? [], signal.detail);
    case 'tick':
      return; // Due time-based answers are picked up by the settle pass.
  }
}

function startSession(core: EngineCore, sessionId: string): void {
  const state = core.state;
  let startedAt: number | null = null;
  for (const entry of state.sessions) if (entry.id === sessionId && (startedAt === null || entry.at < startedAt)) startedAt = entry.at;
  if (startedAt === null) {
    startedAt = core.facts.at;
    insertBounded(state.sessions, { id: sessionId, at: startedAt }, sessionOrder, LIMITS.sessions);
    core.changed = true;
  }
  core.session = sessionId;
  core.facts.sessionSince = startedAt;
  core.markAll();
}

function enterPage(core: EngineCore, url: string): void {
  const facts = core.facts;
  const location = parseLocation(url);
  const key = `${location.path}?${[...location.query].map(([k, v]) => `${k}=${v}`).sort().join('&')}`;
  // The same URL reported twice (initial load and a router) is not a new page: timers keep running.
  if (key === facts.locationKey) return;
  const at = facts.at;
  facts.location = location;
  facts.locationKey = key;
  facts.pageSince = at;
  facts.clicks.clear();
  const state = core.state;
  const previous = own(state.visited, location.path);
  if (previous === undefined || previous < at) {
    put(state.visited, location.path, at);
    if (previous === undefined) state.visited = boundVisited(state.visited);
    core.changed = true;
  }
  core.markKey(DEP.page);
}

function track(core: EngineCore, name: string, props: Record<string, Json> | undefined): void {
  const state = core.state;
  const catalog = core.catalog;
  let log = own(state.events, name);
  if (!log) {
    log = { counts: dict(), recent: [] } satisfies EventLog;
    put(state.events, name, log);
  }
  const n = (own(log.counts, core.origin) ?? 0) + 1;
  put(log.counts, core.origin, n);
  if (catalog.loggedEvents.has(name)) {
    const entry: EventEntry = { at: core.facts.at, o: core.origin, n };
    const wanted = catalog.eventProps.get(name);
    if (wanted && props) {
      const kept = dict<Json>();
      for (const prop of wanted) if (Object.hasOwn(props, prop) && props[prop] !== undefined) put(kept, prop, cloneJson(props[prop]!));
      entry.p = kept;
    }
    insertBounded(log.recent, entry, eventOrder, LIMITS.eventsPerName);
  }
  core.facts.forgetCounts(name);
  core.changed = true;
  core.markKey(DEP.event(name));
  if (catalog.advanceEvents.has(name)) core.machines.tour?.advanceOnEvent(core, name);
}

function setTraits(core: EngineCore, traits: Traits): void {
  const state = core.state;
  for (const name of Object.keys(traits)) {
    const value = traits[name];
    if (value === undefined) continue;
    const current = own(state.traits, name);
    if (current && stableJson(current.v) === stableJson(value)) continue;
    // A copy: the app may mutate its object later.
    put(state.traits, name, { v: cloneJson(value), s: core.stamp() });
    core.changed = true;
    core.markKey(DEP.trait(name));
  }
}

function elementChanged(core: EngineCore, key: string, present: boolean, visible: boolean): void {
  const elements = core.facts.elements;
  const before = elements.get(key);
  if (before && before.present === present && before.visible === visible) return;
  elements.set(key, { present, visible });
  core.markKey(DEP.target(key));
  if (present) core.machines.tour?.advanceOnElement(core, key);
}

function clicked(core: EngineCore, keys: readonly string[]): void {
  for (const key of keys) {
    core.facts.clicks.add(key);
    core.markKey(DEP.target(key));
  }
  core.machines.tour?.advanceOnClick(core, keys);
}

function struggled(core: EngineCore, kind: StruggleFact['kind'], keys: readonly string[], detail: string | undefined): void {
  const at = core.facts.at;
  const struggles = core.facts.struggles;
  struggles.push({ kind, at, keys: [...keys] });
  if (struggles.length > STRUGGLE_MEMORY) struggles.splice(0, struggles.length - STRUGGLE_MEMORY);
  // Keep the list in time order even if signals arrive slightly out of order.
  struggles.sort((a, b) => a.at - b.at);
  const props: Record<string, Json> = { kind };
  if (detail !== undefined) props['detail'] = detail;
  if (keys.length > 0) {
    props['keys'] = [...keys];
    props['target'] = keys[0]!;
  }
  props['count'] = struggles.filter((s) => s.kind === kind && at - s.at <= 60_000).length;
  core.emit('struggle_detected', null, props);
  core.markKey(DEP.struggle(kind));
}
