import { useEffect, useId, useState, type FormEvent } from 'react';
import { useWaymark } from './waymark.js';
import type { WmStepChangeEvent } from 'waymark';
import { WmChecklist } from 'waymark/react';

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

const SEED: Task[] = [
  { id: 1, name: 'Write the launch announcement', done: false },
  { id: 2, name: 'Book the demo room', done: true },
];

/** The signed-in app: a small task list for one project, wired to Waymark. */
export function Workspace({ user, onSignOut }: { user: User; onSignOut(): void }) {
  const { waymark, progress, tourStep, activity, logElementEvent } = useWaymark();
  const [tasks, setTasks] = useState<Task[]>(SEED);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const errorId = useId();

  // Account facts as traits: identify() with the same id updates them.
  useEffect(() => {
    waymark?.identify(user.id, { tasks: tasks.length, tasksDone: tasks.filter((t) => t.done).length });
  }, [waymark, user.id, tasks]);

  // The tour's element is mounted by Waymark at the end of <body>, outside React's tree: its DOM
  // events (bubbling, composed) are heard on the document.
  useEffect(() => {
    const onStep = (event: Event) => {
      const { experienceId, step, total } = event as WmStepChangeEvent;
      logElementEvent(`wm-step-change · ${experienceId} step ${step + 1} of ${total}`);
    };
    document.addEventListener('wm-step-change', onStep);
    return () => document.removeEventListener('wm-step-change', onStep);
    // logElementEvent only dispatches to a reducer; subscribing once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const addTask = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Give the task a name.');
      return;
    }
    setTasks((list) => [...list, { id: Date.now(), name: trimmed, done: false }]);
    setName('');
    setError('');
    waymark?.track('task_created', { length: trimmed.length });
  };

  const toggle = (task: Task) => {
    setTasks((list) => list.map((t) => (t.id === task.id ? { ...t, done: !t.done } : t)));
    if (!task.done) waymark?.track('task_completed');
  };

  const shown = tasks.filter((t) => filter === 'all' || (filter === 'done') === t.done);

  return (
    <>
      <header className="topbar">
        <span className="brand">Orbit <small>React example</small></span>
        <span className="topbar__status" id="onboarding-progress" aria-live="polite">
          {progress ? `Onboarding: ${progress.done} of ${progress.total} done` : 'Onboarding: loading'}
          {tourStep ? ` · tour step ${tourStep.step + 1}` : ''}
        </span>
        <span className="topbar__user">{user.name}</span>
        <button type="button" className="button" onClick={() => waymark?.reset()}>Restart onboarding</button>
        <button type="button" className="button" onClick={onSignOut}>Sign out</button>
      </header>
      <main id="main" className="layout">
        <section className="card tasks" aria-labelledby="tasks-heading">
          <h1 id="tasks-heading">Launch plan</h1>
          <p className="muted">Everything the team needs before launch day.</p>
          <form className="add-task" data-waymark="add-task-form" onSubmit={addTask} noValidate>
            <label htmlFor="new-task">New task</label>
            <div className="row">
              <input
                id="new-task"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  if (error) setError('');
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                autoComplete="off"
              />
              <button type="submit" className="button primary">Add task</button>
            </div>
            {error ? <p className="error" id={errorId}>{error}</p> : null}
          </form>
          <div className="row filter">
            <label htmlFor="task-filter">Show</label>
            <select id="task-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              <option value="all">All tasks</option>
              <option value="open">Open</option>
              <option value="done">Done</option>
            </select>
          </div>
          <ul className="task-list" aria-label="Tasks">
            {shown.map((task) => (
              <li key={task.id} className={task.done ? 'done' : ''}>
                <label>
                  <input type="checkbox" checked={task.done} onChange={() => toggle(task)} />
                  <span>{task.name}</span>
                </label>
              </li>
            ))}
          </ul>
          {/* A hint declared in the page: Waymark compiles it to config when it starts. */}
          <wm-hint id="filter-hint" target="#task-filter" open-on="focus" title="Filters">
            Show only open tasks, or only the ones you finished.
          </wm-hint>
        </section>
        <aside className="side">
          <section className="card" aria-labelledby="onboarding-heading">
            <h2 id="onboarding-heading">Onboarding</h2>
            {/* The configured inline checklist renders into this placeholder (the `waymark/react` wrapper: typed `onWmAction`). */}
            <WmChecklist
              experience-id="getting-started"
              onWmAction={(event) => logElementEvent(`wm-action · ${event.experienceId}: ${event.action.type}`)}
            />
          </section>
          <section className="card" aria-labelledby="activity-heading">
            <h2 id="activity-heading">Waymark activity</h2>
            <ol className="activity" id="activity">
              {activity.length === 0 ? <li className="muted">Nothing yet.</li> : null}
              {activity.map((item) => (
                <li key={item.key}>
                  <span className={`tag ${item.source}`}>{item.source === 'api' ? "on('event')" : 'element'}</span> {item.text}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </main>
    </>
  );
}
