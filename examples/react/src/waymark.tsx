/**
 * Waymark in React: one instance per signed-in user, created in an effect (so it never runs during
 * server rendering), shared through context, destroyed when the provider unmounts.
 *
 * The provider subscribes with `on()` right after `createWaymark()`, before Waymark has loaded
 * anything, so no event is missed, and turns what Waymark reports into React state.
 */
import { createContext, useContext, useEffect, useReducer, useState, type ReactNode } from 'react';
import { createWaymark, type AnalyticsEvent, type ShowEvent, type Waymark, type WaymarkOptions } from 'waymark';

export type Progress = NonNullable<ShowEvent['checklist']>;

/** One line of the activity panel: an analytics event from `on('event')` or a DOM event from an element. */
export interface Activity {
  key: number;
  source: 'api' | 'element';
  text: string;
}

interface WaymarkState {
  /** The checklist's progress, from `on('show')` (re-sent whenever it changes). */
  progress: Progress | null;
  /** Which tour step is on screen, if any. */
  tourStep: { experienceId: string; step: number } | null;
  activity: Activity[];
}

type Change =
  | { type: 'show'; view: ShowEvent }
  | { type: 'hide'; experienceId: string }
  | { type: 'activity'; source: Activity['source']; text: string };

const initial: WaymarkState = { progress: null, tourStep: null, activity: [] };
let activityKey = 0;

function reduce(state: WaymarkState, change: Change): WaymarkState {
  switch (change.type) {
    case 'show': {
      const { experience, step, checklist } = change.view;
      if (experience.type === 'checklist' && checklist) return { ...state, progress: checklist };
      if (experience.type === 'tour') return { ...state, tourStep: { experienceId: experience.id, step: step ?? 0 } };
      return state;
    }
    case 'hide':
      return state.tourStep?.experienceId === change.experienceId ? { ...state, tourStep: null } : state;
    case 'activity':
      return { ...state, activity: [{ key: ++activityKey, source: change.source, text: change.text }, ...state.activity].slice(0, 8) };
  }
}

interface WaymarkContextValue extends WaymarkState {
  /** Null until the provider's effect ran (and after unmount). */
  waymark: Waymark | null;
  /** Log a DOM event from a Waymark element in the activity panel. */
  logElementEvent(text: string): void;
}

const WaymarkContext = createContext<WaymarkContextValue | null>(null);

/** A readable one-liner for an analytics event. */
export function describe(event: AnalyticsEvent): string {
  const props = event.props ?? {};
  const detail =
    event.type === 'checklist_item_completed' ? ` ${String(props['item'])} (${String(props['itemsDone'])}/${String(props['itemsTotal'])})`
    : event.type === 'step_viewed' ? ` step ${Number(props['step']) + 1}`
    : '';
  return `${event.type}${event.experienceId ? ` · ${event.experienceId}` : ''}${detail}`;
}

export function WaymarkProvider({ options, children }: { options: WaymarkOptions; children: ReactNode }) {
  const [waymark, setWaymark] = useState<Waymark | null>(null);
  const [state, dispatch] = useReducer(reduce, initial);

  useEffect(() => {
    // Runs after the children are in the DOM, so the <wm-hint> they declare is found and compiled.
    const wm = createWaymark(options);
    wm.on('show', (view) => dispatch({ type: 'show', view }));
    wm.on('hide', ({ experienceId }) => dispatch({ type: 'hide', experienceId }));
    wm.on('event', (event) => dispatch({ type: 'activity', source: 'api', text: describe(event) }));
    wm.on('error', (error) => console.warn(`[waymark] ${error.where}: ${error.message}`));
    setWaymark(wm);
    return () => {
      // Removes every element, listener, observer and style Waymark added (StrictMode runs this once in development too).
      wm.destroy();
      setWaymark(null);
    };
  }, [options]);

  const value: WaymarkContextValue = {
    ...state,
    waymark,
    logElementEvent: (text) => dispatch({ type: 'activity', source: 'element', text }),
  };
  return <WaymarkContext.Provider value={value}>{children}</WaymarkContext.Provider>;
}

export function useWaymark(): WaymarkContextValue {
  const value = useContext(WaymarkContext);
  if (!value) throw new Error('useWaymark() needs a <WaymarkProvider> above it');
  return value;
}
