/**
 * The signed-in app: a small task list wired to Waymark. The component owns one Waymark instance:
 * created in `ngAfterViewInit` (its template, with the `<wm-checklist>` placeholder, is in the DOM by
 * then; never during server rendering) and destroyed in `ngOnDestroy`. `CUSTOM_ELEMENTS_SCHEMA` lets
 * the template use `<wm-*>` tags; `(wm-action)` listens to the element's DOM event.
 */
import { CUSTOM_ELEMENTS_SCHEMA, Component, EventEmitter, Input, Output, computed, signal, type AfterViewInit, type OnDestroy } from '@angular/core';
import { createWaymark, type AnalyticsEvent, type ShowEvent, type Waymark, type WaymarkConfig, type WmActionEvent, type WmStepChangeEvent } from 'waymark';
import json from '../waymark.config.json';

export interface User {
  id: string;
  name: string;
}

interface Task {
  id: number;
  name: string;
  done: boolean;
}

type Progress = NonNullable<ShowEvent['checklist']>;

// JSON widens its strings: say it is a Waymark config; Waymark validates it when it loads.
const config = json as WaymarkConfig;
let activityKey = 0;

/** A readable one-liner for an analytics event. */
function describe(event: AnalyticsEvent): string {
  const props = event.props ?? {};
  const detail =
    event.type === 'checklist_item_completed' ? ` ${String(props['item'])} (${String(props['itemsDone'])}/${String(props['itemsTotal'])})`
    : event.type === 'step_viewed' ? ` step ${Number(props['step']) + 1}`
    : '';
  return `${event.type}${event.experienceId ? ` · ${event.experienceId}` : ''}${detail}`;
}

@Component({
  selector: 'orbit-workspace',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <header class="topbar">
      <span class="brand">Orbit <small>Angular example</small></span>
      <span class="topbar__status" id="onboarding-progress" aria-live="polite">
        {{ progress() ? 'Onboarding: ' + progress()!.done + ' of ' + progress()!.total + ' done' : 'Onboarding: loading' }}{{ tourStep() !== null ? ' · tour step ' + (tourStep()! + 1) : '' }}
      </span>
      <span class="topbar__user">{{ user.name }}</span>
      <button type="button" class="button" (click)="waymark?.reset()">Restart onboarding</button>
      <button type="button" class="button" (click)="signOut.emit()">Sign out</button>
    </header>
    <main id="main" class="layout">
      <section class="card tasks" aria-labelledby="tasks-heading">
        <h1 id="tasks-heading">Launch plan</h1>
        <p class="muted">Everything the team needs before launch day.</p>
        <form class="add-task" data-waymark="add-task-form" novalidate (submit)="addTask($event, name)">
          <label for="new-task">New task</label>
          <div class="row">
            <input #name id="new-task" autocomplete="off" />
            <button type="submit" class="button primary">Add task</button>
          </div>
        </form>
        <div class="row filter">
          <label for="task-filter">Show</label>
          <select id="task-filter" (change)="filter.set($any($event.target).value)">
            <option value="all">All tasks</option>
            <option value="open">Open</option>
            <option value="done">Done</option>
          </select>
        </div>
        <ul class="task-list" aria-label="Tasks">
          @for (task of shown(); track task.id) {
            <li [class.done]="task.done">
              <label><input type="checkbox" [checked]="task.done" (change)="toggle(task)" /> <span>{{ task.name }}</span></label>
            </li>
          }
        </ul>
        <!-- A hint declared in the page: Waymark compiles it to config when it starts. -->
        <wm-hint id="filter-hint" target="#task-filter" open-on="focus" title="Filters">Show only open tasks, or only the ones you finished.</wm-hint>
      </section>
      <aside class="side">
        <section class="card" aria-labelledby="onboarding-heading">
          <h2 id="onboarding-heading">Onboarding</h2>
          <!-- The configured inline checklist renders into this placeholder; Angular listens to its events. -->
          <wm-checklist experience-id="getting-started" (wm-action)="onAction($event)"></wm-checklist>
        </section>
        <section class="card" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Waymark activity</h2>
          <ol class="activity" id="activity">
            @for (item of activity(); track item.key) {
              <li><span class="tag {{ item.source }}">{{ item.source === 'api' ? "on('event')" : 'element' }}</span> {{ item.text }}</li>
            } @empty {
              <li class="muted">Nothing yet.</li>
            }
          </ol>
        </section>
      </aside>
    </main>
  `,
})
export class WorkspaceComponent implements AfterViewInit, OnDestroy {
  @Input({ required: true }) user!: User;
  @Output() readonly signOut = new EventEmitter<void>();

  waymark: Waymark | null = null;
  readonly tasks = signal<Task[]>([
    { id: 1, name: 'Write the launch announcement', done: false },
    { id: 2, name: 'Book the demo room', done: true },
  ]);
  readonly filter = signal<'all' | 'open' | 'done'>('all');
  readonly shown = computed(() => this.tasks().filter((t) => this.filter() === 'all' || (this.filter() === 'done') === t.done));
  readonly progress = signal<Progress | null>(null);
  readonly tourStep = signal<number | null>(null);
  readonly activity = signal<Array<{ key: number; source: 'api' | 'element'; text: string }>>([]);

  /** The tour's element is mounted by Waymark at the end of <body>: its events are heard on the document. */
  private readonly onStep = (event: Event) => {
    const { experienceId, step, total } = event as WmStepChangeEvent;
    this.log('element', `wm-step-change · ${experienceId} step ${step + 1} of ${total}`);
  };

  ngAfterViewInit(): void {
    const wm = createWaymark({ config, user: { id: this.user.id, traits: { plan: 'trial' } }, helpLauncher: false });
    wm.on('show', ({ experience, step, checklist }) => {
      if (experience.type === 'checklist' && checklist) this.progress.set(checklist);
      if (experience.type === 'tour') this.tourStep.set(step ?? 0);
    });
    wm.on('hide', ({ experienceId }) => experienceId === 'welcome' && this.tourStep.set(null));
    wm.on('event', (event) => this.log('api', describe(event)));
    wm.on('error', (error) => console.warn(`[waymark] ${error.where}: ${error.message}`));
    document.addEventListener('wm-step-change', this.onStep);
    this.waymark = wm;
  }

  ngOnDestroy(): void {
    document.removeEventListener('wm-step-change', this.onStep);
    // Removes every element, listener, observer and style Waymark added.
    this.waymark?.destroy();
    this.waymark = null;
  }

  onAction(event: Event): void {
    const { experienceId, action } = event as WmActionEvent;
    this.log('element', `wm-action · ${experienceId}: ${action.type}`);
  }

  addTask(event: Event, input: HTMLInputElement): void {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) return;
    this.tasks.update((tasks) => [...tasks, { id: Date.now(), name, done: false }]);
    input.value = '';
    this.waymark?.track('task_created', { length: name.length });
  }

  toggle(task: Task): void {
    this.tasks.update((tasks) => tasks.map((t) => (t.id === task.id ? { ...t, done: !t.done } : t)));
    if (!task.done) this.waymark?.track('task_completed');
  }

  private log(source: 'api' | 'element', text: string): void {
    this.activity.update((items) => [{ key: ++activityKey, source, text }, ...items].slice(0, 8));
  }
}
