// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileDeclarative, compileDeclarativeAll } from './declarative.js';

function dom(markup: string): HTMLElement {
  const root = document.createElement('div');
  // Test-owned static markup: the unit under test reads it, it is never config.
  root.innerHTML = markup;
  return root;
}

describe('compileDeclarative', () => {
  it('compiles <wm-tour> with <wm-step> children to the JSON config shape', () => {
    const root = dom(`
      <wm-tour id="welcome" stages="new, activated" priority="10" spotlight on-missing-target="center" show="session">
        <wm-step target="#new-project" title="Create a project" placement="bottom" advance-on="click" wait-for="2s">
          Start here.

          **Projects** hold your boards.
        </wm-step>
        <wm-step title="Done" modal="false" image="/img/done.png" image-alt="Confetti">Have fun!</wm-step>
      </wm-tour>`);
    const result = compileDeclarative(root.querySelector('wm-tour')!);
    expect(result.issues).toEqual([]);
    expect(result.experience).toEqual({
      id: 'welcome',
      type: 'tour',
      stages: ['new', 'activated'],
      priority: 10,
      frequency: { show: 'session' },
      spotlight: true,
      onMissingTarget: 'center',
      steps: [
        { title: 'Create a project', target: '#new-project', body: 'Start here.\n\n**Projects** hold your boards.', placement: 'bottom', waitFor: '2s', advanceOn: { click: true } },
        { title: 'Done', body: 'Have fun!', modal: false, image: { src: '/img/done.png', alt: 'Confetti' } },
      ],
    });
  });

  it('compiles <wm-hint> and <wm-beacon>, taking text content only', () => {
    const root = dom(`
      <wm-hint id="export-tip" target="#export" open-on="click" title="Export">Exports go to <b>your</b> e-mail.</wm-hint>
      <wm-beacon id="reports" target="[data-waymark=reports]" position="bottom-start">New reports</wm-beacon>`);
    expect(compileDeclarative(root.querySelector('wm-hint')!).experience).toEqual({
      id: 'export-tip', type: 'hint', target: '#export', body: 'Exports go to your e-mail.', title: 'Export', openOn: 'click',
    });
    expect(compileDeclarative(root.querySelector('wm-beacon')!).experience).toEqual({
      id: 'reports', type: 'beacon', target: '[data-waymark=reports]', body: 'New reports', position: 'bottom-start',
    });
  });

  it('reports problems as data with a precise path, and keeps what is valid', () => {
    const root = dom(`<wm-tour id="t" priority="high"><wm-step title="" placement="sideways" wait-for="soon">x</wm-step></wm-tour>
      <wm-hint id="h">No target</wm-hint>`);
    const tour = compileDeclarative(root.querySelector('wm-tour')!);
    expect(tour.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-attribute', 'wm-tour#t@priority'],
      ['missing-attribute', 'wm-tour#t > wm-step[0]@title'],
      ['invalid-attribute', 'wm-tour#t > wm-step[0]@placement'],
      ['invalid-attribute', 'wm-tour#t > wm-step[0]@wait-for'],
    ]);
    expect(tour.issues[2]!.message).toContain('got "sideways"');
    expect(tour.experience?.type === 'tour' && tour.experience.steps).toHaveLength(1);
    const hint = compileDeclarative(root.querySelector('wm-hint')!);
    expect(hint.experience).toBeUndefined();
    expect(hint.issues[0]!.path).toBe('wm-hint#h@target');
  });

  it('compiles every declaration under a root and skips elements the renderer created', () => {
    const root = dom(`<wm-hint id="a" target="#a">A</wm-hint><wm-hint id="b" target="#b" data-waymark-ui="hint">B</wm-hint><div><wm-beacon id="c" target="#c">C</wm-beacon></div>`);
    expect(compileDeclarativeAll(root).experiences.map((e) => e.id)).toEqual(['a', 'c']);
    expect(compileDeclarative(document.createElement('wm-carousel')).issues[0]!.code).toBe('unknown-element');
  });
});

describe('unknown attributes', () => {
  it('reports misspelt optional attributes with a did-you-mean, as JSON does for keys', () => {
    const root = dom(`
      <wm-tour id="t" skipable>
        <wm-step target="#b" title="T" placment="top" advance-onn="click">x</wm-step>
      </wm-tour>
      <wm-hint id="h" target="#a" opne-on="click" shwo="once">Tip</wm-hint>
      <wm-beacon id="b" target="#a" positon="left">New</wm-beacon>
      <wm-checklist experience-id="c" title="Setup" stricd-order><wm-task id="a" title="A" manual zzzzzz="1">Do</wm-task></wm-checklist>`);
    const { issues } = compileDeclarativeAll(root);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-attribute', 'wm-tour#t > wm-step[0]@placment'],
      ['unknown-attribute', 'wm-tour#t > wm-step[0]@advance-onn'],
      ['unknown-attribute', 'wm-tour#t@skipable'],
      ['unknown-attribute', 'wm-hint#h@opne-on'],
      ['unknown-attribute', 'wm-hint#h@shwo'],
      ['unknown-attribute', 'wm-beacon#b@positon'],
      ['unknown-attribute', 'wm-checklist#c > wm-task[0]@zzzzzz'],
      ['unknown-attribute', 'wm-checklist#c@stricd-order'],
    ]);
    const message = (path: string) => issues.find((i) => i.path.endsWith(path))!.message;
    expect(message('@placment')).toBe('unknown attribute "placment" (ignored); did you mean "placement"?');
    expect(message('@advance-onn')).toContain('did you mean "advance-on"?');
    expect(message('@opne-on')).toContain('did you mean "open-on"?');
    expect(message('@shwo')).toContain('did you mean "show"?');
    expect(message('@zzzzzz')).toContain('(allowed: id, title,');
  });

  it('leaves global HTML, data-* and aria-* attributes alone', () => {
    const root = dom(`<wm-hint id="h" class="x" style="color:red" hidden lang="en" data-test="1" aria-label="Tip" target="#a">Tip</wm-hint>`);
    expect(compileDeclarative(root.querySelector('wm-hint')!).issues).toEqual([]);
  });
});
