// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileDeclarative, compileDeclarativeAll } from '../declarative.js';

function dom(markup: string): HTMLElement {
  const root = document.createElement('div');
  // Test-owned static markup: the unit under test reads it, it is never config.
  root.innerHTML = markup;
  return root;
}

describe('declarative <wm-checklist>', () => {
  it('compiles <wm-checklist> with <wm-task> children to a ChecklistExperience, inline by default', () => {
    const root = dom(`
      <wm-checklist experience-id="setup" title="Get started" description="Five small steps." stages="new" strict-order
        complete-to-stage="activated" return-at-stage="activated" celebrate="false" show="always">
        <wm-task id="account" title="Create your account" initially-done></wm-task>
        <wm-task id="project" title="Create a project" event="project_created" href="/projects/new">
          Projects hold your boards.
        </wm-task>
        <wm-task id="invite" title="Invite a teammate" manual depends-on="project" article="invites"></wm-task>
        <wm-task id="tour" title="Take the tour" visited="/tour" element="#tour-done" start="welcome" version="2"></wm-task>
      </wm-checklist>`);
    const result = compileDeclarative(root.querySelector('wm-checklist')!);
    expect(result.issues).toEqual([]);
    expect(result.experience).toEqual({
      id: 'setup',
      type: 'checklist',
      stages: ['new'],
      frequency: { show: 'always' },
      title: 'Get started',
      description: 'Five small steps.',
      launcher: 'inline',
      strictOrder: true,
      celebrate: false,
      completeToStage: 'activated',
      returnAtStage: 'activated',
      items: [
        { id: 'account', title: 'Create your account', initiallyDone: true },
        {
          id: 'project',
          title: 'Create a project',
          description: 'Projects hold your boards.',
          doneWhen: { event: 'project_created' },
          action: { type: 'url', url: '/projects/new' },
        },
        { id: 'invite', title: 'Invite a teammate', manual: true, dependsOn: ['project'], action: { type: 'open-article', article: 'invites' } },
        {
          id: 'tour',
          title: 'Take the tour',
          version: 2,
          doneWhen: { all: [{ visited: '/tour' }, { element: '#tour-done' }] },
          action: { type: 'start', experience: 'welcome' },
        },
      ],
    });
  });

  it('reports missing ids and titles, tasks nothing completes, bad values and conflicting actions as data', () => {
    const root = dom(`
      <wm-checklist title="" position="top" launcher="floating">
        <wm-task title="No id" event="x"></wm-task>
        <wm-task id="stuck" title="Never done"></wm-task>
        <wm-task id="two" title="Two actions" manual href="/a" start="b"></wm-task>
      </wm-checklist>`);
    const result = compileDeclarative(root.querySelector('wm-checklist')!);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['missing-attribute', 'wm-checklist#@experience-id'],
      ['missing-attribute', 'wm-checklist#@title'],
      ['invalid-attribute', 'wm-checklist#@position'],
      ['missing-attribute', 'wm-checklist# > wm-task[0]@id'],
      ['missing-attribute', 'wm-checklist# > wm-task[1]'],
      ['invalid-attribute', 'wm-checklist# > wm-task[2]@href'],
    ]);
    expect(result.experience).toMatchObject({ type: 'checklist', launcher: 'floating' });
  });

  it('skips a bare placeholder (no tasks) when compiling a page, and compiles one with tasks', () => {
    const root = dom(`
      <wm-checklist experience-id="from-json"></wm-checklist>
      <wm-checklist experience-id="declared" title="Declared"><wm-task id="a" title="A" manual></wm-task></wm-checklist>
      <wm-checklist data-waymark-ui="checklist" experience-id="mounted"><wm-task id="b" title="B" manual></wm-task></wm-checklist>`);
    const { experiences, issues } = compileDeclarativeAll(root);
    expect(issues).toEqual([]);
    expect(experiences.map((experience) => experience.id)).toEqual(['declared']);
  });
});
