/**
 * Waymark in Vue: `<WaymarkScope>` owns one instance for the signed-in user. It is created in
 * `onMounted` (after the children's DOM exists, so the `<wm-hint>` they declare is compiled, and
 * never during server rendering), provided to descendants, and destroyed in `onBeforeUnmount`.
 *
 * It subscribes with `on()` right after `createWaymark()`, before Waymark has loaded anything, so no
 * event is missed, and turns what Waymark reports into reactive state.
 */
import { defineComponent, inject, onBeforeUnmount, onMounted, provide, reactive, shallowRef, type InjectionKey, type PropType, type ShallowRef } from 'vue';
import { createWaymark, type AnalyticsEvent, type ShowEvent, type Waymark, type WaymarkOptions } from 'waymark';

export type Progress = NonNullable<ShowEvent['checklist']>;

/** One line of the activity panel: an analytics event from `on('event')` or a DOM event from an element. */
export interface Activity {
  key: number;
  source: 'api' | 'element';
  text: string;
}

export interface WaymarkState {
  /** The checklist's progress, from `on('show')` (re-sent whenever it changes). */
  progress: Progress | null;
  /** Which tour step is on screen, if any. */
  tourStep: { experienceId: string; step: number } | null;
  activity: Activity[];
}

export interface WaymarkScopeValue {
  /** Null until mounted (and after unmount). */
  waymark: ShallowRef<Waymark | null>;
  state: WaymarkState;
  /** Log a DOM event from a Waymark element in the activity panel. */
  logElementEvent(text: string): void;
}

const key: InjectionKey<WaymarkScopeValue> = Symbol('waymark');
let activityKey = 0;

/** A readable one-liner for an analytics event. */
export function describe(event: AnalyticsEvent): string {
  const props = event.props ?? {};
  const detail =
    event.type === 'checklist_item_completed' ? ` ${String(props['item'])} (${String(props['itemsDone'])}/${String(props['itemsTotal'])})`
    : event.type === 'step_viewed' ? ` step ${Number(props['step']) + 1}`
    : '';
  return `${event.type}${event.experienceId ? ` · ${event.experienceId}` : ''}${detail}`;
}

export const WaymarkScope = defineComponent({
  name: 'WaymarkScope',
  props: { options: { type: Object as PropType<WaymarkOptions>, required: true } },
  setup(props, { slots }) {
    const waymark = shallowRef<Waymark | null>(null);
    const state = reactive<WaymarkState>({ progress: null, tourStep: null, activity: [] });
    const log = (source: Activity['source'], text: string) => {
      state.activity = [{ key: ++activityKey, source, text }, ...state.activity].slice(0, 8);
    };
    provide(key, { waymark, state, logElementEvent: (text) => log('element', text) });

    onMounted(() => {
      const wm = createWaymark(props.options);
      wm.on('show', ({ experience, step, checklist }: ShowEvent) => {
        if (experience.type === 'checklist' && checklist) state.progress = checklist;
        if (experience.type === 'tour') state.tourStep = { experienceId: experience.id, step: step ?? 0 };
      });
      wm.on('hide', ({ experienceId }) => {
        if (state.tourStep?.experienceId === experienceId) state.tourStep = null;
      });
      wm.on('event', (event) => log('api', describe(event)));
      wm.on('error', (error) => console.warn(`[waymark] ${error.where}: ${error.message}`));
      waymark.value = wm;
    });
    onBeforeUnmount(() => {
      // Removes every element, listener, observer and style Waymark added.
      waymark.value?.destroy();
      waymark.value = null;
    });
    return () => slots.default?.();
  },
});

export function useWaymark(): WaymarkScopeValue {
  const value = inject(key);
  if (!value) throw new Error('useWaymark() needs a <WaymarkScope> above it');
  return value;
}
