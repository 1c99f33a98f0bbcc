import { computed, defineComponent, h, onBeforeUnmount, onMounted, ref, watch, type PropType } from 'vue';
import type { WmStepChangeEvent } from 'waymark';
// Props of every <wm-*> element (attributes, properties, `onWm…` events), generated from Waymark's manifest; also Vue's GlobalComponents.
import type { WaymarkElementProps } from 'waymark/vue';
import { useWaymark } from './waymark.js';

export interface User {
  id: string;
  name: string;
}

interface Task {
  id: number;
  name: string;
  done: boolean;
}

type Filter = 'all' | 'open' | 'done';

/** The signed-in app: a small task list for one project, wired to Waymark. Render functions only: no template compiler, so it runs under a strict CSP. */
export const Workspace = defineComponent({
  name: 'Workspace',
  props: { user: { type: Object as PropType<User>, required: true } },
  emits: { signOut: () => true },
  setup(props, { emit }) {
    const { waymark, state, logElementEvent } = useWaymark();
    const tasks = ref<Task[]>([
      { id: 1, name: 'Write the launch announcement', done: false },
      { id: 2, name: 'Book the demo room', done: true },
    ]);
    const name = ref('');
    const error = ref('');
    const filter = ref<Filter>('all');
    const shown = computed(() => tasks.value.filter((t) => filter.value === 'all' || (filter.value === 'done') === t.done));

    // Account facts as traits: identify() with the same id updates them.
    watch(
      [waymark, () => tasks.value.length, () => tasks.value.filter((t) => t.done).length],
      ([wm, count, done]) => wm?.identify(props.user.id, { tasks: count, tasksDone: done }),
    );

    // The tour's element is mounted by Waymark at the end of <body>, outside Vue's tree: its DOM
    // events (bubbling, composed) are heard on the document.
    const onStep = (event: Event) => {
      const { experienceId, step, total } = event as WmStepChangeEvent;
      logElementEvent(`wm-step-change · ${experienceId} step ${step + 1} of ${total}`);
    };
    onMounted(() => document.addEventListener('wm-step-change', onStep));
    onBeforeUnmount(() => document.removeEventListener('wm-step-change', onStep));

    const addTask = (event: Event) => {
      event.preventDefault();
      const trimmed = name.value.trim();
      if (!trimmed) {
        error.value = 'Give the task a name.';
        return;
      }
      tasks.value = [...tasks.value, { id: Date.now(), name: trimmed, done: false }];
      name.value = '';
      error.value = '';
      waymark.value?.track('task_created', { length: trimmed.length });
    };

    const toggle = (task: Task) => {
      tasks.value = tasks.value.map((t) => (t.id === task.id ? { ...t, done: !t.done } : t));
      if (!task.done) waymark.value?.track('task_completed');
    };

    return () => {
      const progress = state.progress;
      const errorId = 'new-task-error';
      return [
        h('header', { class: 'topbar' }, [
          h('span', { class: 'brand' }, ['Orbit ', h('small', 'Vue example')]),
          h('span', { class: 'topbar__status', id: 'onboarding-progress', 'aria-live': 'polite' }, [
            progress ? `Onboarding: ${progress.done} of ${progress.total} done` : 'Onboarding: loading',
            state.tourStep ? ` · tour step ${state.tourStep.step + 1}` : '',
          ]),
          h('span', { class: 'topbar__user' }, props.user.name),
          h('button', { type: 'button', class: 'button', onClick: () => waymark.value?.reset() }, 'Restart onboarding'),
          h('button', { type: 'button', class: 'button', onClick: () => emit('signOut') }, 'Sign out'),
        ]),
        h('main', { id: 'main', class: 'layout' }, [
          h('section', { class: 'card tasks', 'aria-labelledby': 'tasks-heading' }, [
            h('h1', { id: 'tasks-heading' }, 'Launch plan'),
            h('p', { class: 'muted' }, 'Everything the team needs before launch day.'),
            h('form', { class: 'add-task', 'data-waymark': 'add-task-form', novalidate: true, onSubmit: addTask }, [
              h('label', { for: 'new-task' }, 'New task'),
              h('div', { class: 'row' }, [
                h('input', {
                  id: 'new-task',
                  value: name.value,
                  autocomplete: 'off',
                  'aria-invalid': error.value ? 'true' : undefined,
                  'aria-describedby': error.value ? errorId : undefined,
                  onInput: (e: Event) => {
                    name.value = (e.target as HTMLInputElement).value;
                    error.value = '';
                  },
                }),
                h('button', { type: 'submit', class: 'button primary' }, 'Add task'),
              ]),
              error.value ? h('p', { class: 'error', id: errorId }, error.value) : null,
            ]),
            h('div', { class: 'row filter' }, [
              h('label', { for: 'task-filter' }, 'Show'),
              h(
                'select',
                { id: 'task-filter', value: filter.value, onChange: (e: Event) => (filter.value = (e.target as HTMLSelectElement).value as Filter) },
                [h('option', { value: 'all' }, 'All tasks'), h('option', { value: 'open' }, 'Open'), h('option', { value: 'done' }, 'Done')],
              ),
            ]),
            h(
              'ul',
              { class: 'task-list', 'aria-label': 'Tasks' },
              shown.value.map((task) =>
                h('li', { key: task.id, class: task.done ? 'done' : '' }, [
                  h('label', [h('input', { type: 'checkbox', checked: task.done, onChange: () => toggle(task) }), h('span', task.name)]),
                ]),
              ),
            ),
            // A hint declared in the page: Waymark compiles it to config when it starts.
            h(
              'wm-hint',
              { id: 'filter-hint', target: '#task-filter', 'open-on': 'focus', title: 'Filters' } satisfies WaymarkElementProps['wm-hint'],
              'Show only open tasks, or only the ones you finished.',
            ),
          ]),
          h('aside', { class: 'side' }, [
            h('section', { class: 'card', 'aria-labelledby': 'onboarding-heading' }, [
              h('h2', { id: 'onboarding-heading' }, 'Onboarding'),
              // The configured inline checklist renders into this placeholder; Vue listens to its events.
              h('wm-checklist', {
                'experience-id': 'getting-started',
                onWmAction: (event) => logElementEvent(`wm-action · ${event.experienceId}: ${event.action.type}`),
              } satisfies WaymarkElementProps['wm-checklist']),
            ]),
            h('section', { class: 'card', 'aria-labelledby': 'activity-heading' }, [
              h('h2', { id: 'activity-heading' }, 'Waymark activity'),
              h('ol', { class: 'activity', id: 'activity' }, [
                state.activity.length === 0 ? h('li', { class: 'muted' }, 'Nothing yet.') : null,
                ...state.activity.map((item) =>
                  h('li', { key: item.key }, [h('span', { class: `tag ${item.source}` }, item.source === 'api' ? "on('event')" : 'element'), ` ${item.text}`]),
                ),
              ]),
            ]),
          ]),
        ]),
      ];
    };
  },
});
