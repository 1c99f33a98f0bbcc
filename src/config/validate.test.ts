import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, CONFIG_VERSION, validateConfig, type ConfigIssue } from './validate.js';
import { migrateConfig, type ConfigMigration } from './migrate.js';
import { CONDITION_KINDS, EXPERIENCE_TYPES } from './schema.js';

const demo = (): Record<string, unknown> => JSON.parse(readFileSync(new URL('../../tests/unit/fixtures/demo-config.json', import.meta.url), 'utf8'));
const doc = (experiences: unknown[], extra: Record<string, unknown> = {}) => ({ version: '1', experiences, ...extra });
const codes = (issues: ConfigIssue[]) => issues.map((i) => `${i.severity}:${i.code}@${JSON.stringify(i.path)}`);
const errors = (issues: ConfigIssue[]) => issues.filter((i) => i.severity === 'error');
const ids = (config: { experiences: { id: string }[] } | null) => config?.experiences.map((e) => e.id);

const minimal: Record<string, Record<string, unknown>> = {
  tour: { type: 'tour', steps: [{ title: 'Hi' }] },
  hint: { type: 'hint', target: '#a', body: 'Tip' },
  beacon: { type: 'beacon', target: { anchor: 'x' }, body: 'New' },
  checklist: { type: 'checklist', title: 'Setup', items: [{ id: 'a', title: 'A' }] },
  nudge: { type: 'nudge', escalation: [{ kind: 'chat' }] },
  announcement: { type: 'announcement', display: 'banner', title: 'News' },
  survey: { type: 'survey', kind: 'csat', question: 'Happy?' },
};
const exp = (type: string, fields: Record<string, unknown> = {}, id = `${type}-1`) => ({ id, ...minimal[type], ...fields });

/** Prototype pollution check: run after every test. */
afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('a valid document', () => {
  it('passes the demo config through unchanged, as a copy', () => {
    const input = demo();
    const { config, issues } = validateConfig(input);
    expect(issues).toEqual([]);
    expect(config).toEqual(input);
    expect(config).not.toBe(input);
    expect(config!.experiences).not.toBe(input.experiences);
  });

  it('accepts a minimal experience of every type', () => {
    expect(Object.keys(minimal).sort()).toEqual([...EXPERIENCE_TYPES].sort());
    const { config, issues } = validateConfig(doc(EXPERIENCE_TYPES.map((type) => exp(type))));
    expect(issues).toEqual([]);
    expect(config!.experiences.map((e) => e.type)).toEqual(EXPERIENCE_TYPES);
  });

  it('accepts versions "1" and "1.x"', () => {
    for (const version of ['1', '1.0', '1.7']) expect(validateConfig({ version, experiences: [] })).toEqual({ config: { version, experiences: [] }, issues: [] });
    expect(CONFIG_VERSION).toBe('1');
  });
});

describe('experiences are validated one by one', () => {
  const invalid: Array<[string, Record<string, unknown>, string, (string | number)[]]> = [
    ['tour', { steps: [] }, 'too-small', ['steps']],
    ['tour', { steps: [{ title: 'a', target: '' }] }, 'too-small', ['steps', 0, 'target']],
    ['tour', { steps: [{ title: 'a', waitFor: '3 sec' }] }, 'invalid-duration', ['steps', 0, 'waitFor']],
    ['hint', { body: undefined }, 'missing', ['body']],
    ['hint', { openOn: 'hovr' }, 'invalid-value', ['openOn']],
    ['beacon', { position: 'middle' }, 'invalid-value', ['position']],
    ['checklist', { items: [{ title: 'no id' }] }, 'missing', ['items', 0, 'id']],
    ['nudge', { escalation: [{ kind: 'popup' }] }, 'invalid-value', ['escalation', 0, 'kind']],
    ['nudge', { escalation: [{ kind: 'hint' }] }, 'missing', ['escalation', 0, 'body']],
    ['announcement', { display: 'toast' }, 'invalid-value', ['display']],
    ['announcement', { image: { src: 'javascript:alert(1)', alt: '' } }, 'unsafe-url', ['image', 'src']],
    ['survey', { kind: 'csat', question: 5 }, 'invalid-type', ['question']],
    ['survey', { kind: 'nps', followUps: [{ scores: [0] }] }, 'too-small', ['followUps', 0, 'scores']],
  ];
  it.each(invalid)('%s with %j → %s', (type, fields, code, relative) => {
    const { config, issues } = validateConfig(doc([exp(type, fields), exp('hint', {}, 'survivor')]));
    expect(codes(issues)).toEqual([`error:${code}@${JSON.stringify(['experiences', 0, ...relative])}`]);
    expect(ids(config)).toEqual(['survivor']);
  });

  it('says what was expected, what was found and where', () => {
    const experiences = [exp('hint'), exp('hint', {}, 'h2'), exp('hint', {}, 'h3'), exp('tour', { steps: [{ title: 'a' }, { title: 'b', target: '' }] })];
    const { issues } = validateConfig(doc(experiences));
    expect(issues.map((i) => i.message)).toEqual(['experiences[3].steps[1].target: expected a CSS selector, got ""']);
  });

  it('reports a missing field at the field, naming what is required', () => {
    const { issues } = validateConfig(doc([{ id: 'x', type: 'announcement', display: 'banner' }]));
    expect(issues[0]).toMatchObject({ code: 'missing', path: ['experiences', 0, 'title'] });
    expect(issues[0]!.message).toMatch(/^experiences\[0\]\.title: expected a text: a string or an object, got nothing \(required\)$/);
  });

  it('checks a known type against that type only, and lists the types for an unknown one', () => {
    const { issues } = validateConfig(doc([{ id: 'a', type: 'tuor', steps: [] }, { id: 'b' }, { id: 'c', type: 'hint', target: '#x' }]));
    expect(issues.map((i) => i.message)).toEqual([
      'experiences[0].type: expected one of "tour", "hint", "beacon", "checklist", "nudge", "announcement" or "survey", got "tuor"; did you mean "tour"?',
      'experiences[1].type: expected one of "tour", "hint", "beacon", "checklist", "nudge", "announcement" or "survey", got nothing (required)',
      'experiences[2].body: expected a rich text: a string or an object, got nothing (required)',
    ]);
    expect(codes(issues)[1]).toBe('error:missing@["experiences",1,"type"]');
  });

  it('reports an experience that is not an object', () => {
    const { config, issues } = validateConfig(doc(['tour', null, exp('hint')]));
    expect(codes(issues)).toEqual(['error:invalid-type@["experiences",0]', 'error:invalid-type@["experiences",1]']);
    expect(ids(config)).toEqual(['hint-1']);
  });

  it('drops an invalid stage or article and keeps the rest', () => {
    const { config, issues } = validateConfig(
      doc([], {
        stages: [{ id: 'a' }, { id: 'b', enterWhen: { evnt: 'x' } }],
        articles: [{ id: 'x', title: 'X', url: 'javascript:void(0)' }, { id: 'y', title: 'Y', url: '/y' }],
      }),
    );
    expect(codes(issues)).toEqual(['error:missing-kind@["stages",1,"enterWhen"]', 'error:unsafe-url@["articles",0,"url"]']);
    expect(config!.stages!.map((s) => s.id)).toEqual(['a']);
    expect(config!.articles!.map((a) => a.id)).toEqual(['y']);
  });

  it('drops only the broken top-level section', () => {
    const { config, issues } = validateConfig(doc([exp('hint')], { theme: { mode: 'neon' }, limits: { minGap: '2m' } }));
    expect(codes(issues)).toEqual(['error:invalid-value@["theme","mode"]']);
    expect(config).toEqual({ version: '1', limits: { minGap: '2m' }, experiences: [exp('hint')] });
  });
});

describe('unknown keys', () => {
  it('are errors with a "did you mean" against the keys of that object', () => {
    const { config, issues } = validateConfig(doc([exp('announcement', { tittle: 'x', frequency: { shwo: 'once' } })], { themee: {} }));
    expect(issues.map((i) => i.message)).toEqual([
      'themee: unknown key "themee" (ignored); did you mean "theme"?',
      'experiences[0].frequency.shwo: unknown key "shwo"; did you mean "show"?',
      'experiences[0].tittle: unknown key "tittle"; did you mean "title"?',
    ]);
    expect(config!.experiences).toEqual([]);
  });

  it('list the allowed keys when nothing is close', () => {
    const { issues } = validateConfig(doc([exp('tour', { steps: [{ title: 'a', zzzzzz: 1 }] })]));
    expect(issues[0]!.message).toMatch(/^experiences\[0\]\.steps\[0\]\.zzzzzz: unknown key "zzzzzz" \(allowed: id, target, page, url, title,/);
  });
});

describe('conditions', () => {
  const valid: Record<string, unknown> = {
    all: { all: [{ page: '/a' }] },
    any: { any: [{ page: '/a' }, { visited: '/b' }] },
    not: { not: { idle: '1m' } },
    page: { page: { path: '/p', match: 'prefix', query: { tab: 'x' } } },
    visited: { visited: '/settings/**' },
    event: { event: 'saved', count: { gte: 2 }, within: '7d', where: { plan: 'pro', seats: { gt: 3 } } },
    trait: { trait: 'plan', in: ['pro', 'team'] },
    stage: { stage: { is: ['s1'], forAtLeast: '1d' } },
    element: { element: { text: 'Save', role: 'button' }, state: 'visible' },
    delay: { delay: '5s', since: 'stage' },
    idle: { idle: '30s' },
    struggle: { struggle: 'dead-click', count: 2, within: '1m', on: '#save' },
    experience: { experience: 'other', state: 'completed' },
    date: { date: { from: '2025-01-01', until: '2025-02-01T00:00:00Z' } },
    rollout: { rollout: 25, salt: 'x' },
  };
  const invalid: Record<string, [unknown, string, (string | number)[], RegExp]> = {
    all: [{ all: 'x' }, 'invalid-type', ['all'], /all: expected a list, got "x"/],
    any: [{ any: [] }, 'too-small', ['any'], /any: expected at least 1 item, got an empty list/],
    not: [{ not: [] }, 'invalid-type', ['not'], /not: expected a condition: .*, got an empty list/],
    page: [{ page: '' }, 'too-small', ['page'], /page: expected a non-empty string, got ""/],
    visited: [{ visited: { path: '/x', mach: 'glob' } }, 'unknown-key', ['visited', 'mach'], /visited\.mach: unknown key "mach"; did you mean "match"\?/],
    event: [{ event: 'x', count: { gte: -1 } }, 'too-small', ['count', 'gte'], /count\.gte: expected a number at least 0, got -1/],
    trait: [{ trait: 'plan' }, 'empty-condition', [], /expected a comparison for the trait/],
    stage: [{ stage: {} }, 'empty-condition', ['stage'], /stage: expected at least one of "is", "atLeast" or "before", got none/],
    element: [{ element: '#a', state: 'hovered' }, 'invalid-value', ['state'], /state: expected one of "present", "absent", "visible" or "clicked", got "hovered"/],
    delay: [{ delay: 5 }, 'invalid-type', ['delay'], /delay: expected a duration like "500ms"/],
    idle: [{ idle: '1 minute' }, 'invalid-duration', ['idle'], /idle: expected a duration/],
    struggle: [{ struggle: 'rage' }, 'invalid-value', ['struggle'], /struggle: expected one of "rage-click", "dead-click"/],
    experience: [{ experience: 'other' }, 'missing', ['state'], /state: expected one of "seen", .* got nothing \(required\)/],
    date: [{ date: { from: '2025-02-01', until: '2025-01-01' } }, 'date-range', ['date'], /date: expected "from" to be before "until", got from "2025-02-01" and until "2025-01-01"/],
    rollout: [{ rollout: 150 }, 'too-big', ['rollout'], /rollout: expected a percentage from 0 to 100, got 150/],
  };
  const withCondition = (when: unknown) => doc([exp('announcement', { when }), { id: 'other', ...minimal.hint }], { stages: [{ id: 's1' }] });

  it('covers every kind', () => {
    expect(Object.keys(valid).sort()).toEqual([...CONDITION_KINDS].sort());
    expect(Object.keys(invalid).sort()).toEqual([...CONDITION_KINDS].sort());
  });

  it.each(Object.entries(valid))('accepts a valid %s condition', (_kind, when) => {
    expect(validateConfig(withCondition(when)).issues).toEqual([]);
  });

  it.each(Object.entries(invalid))('names the field of a bad %s condition', (_kind, [when, code, relative, message]) => {
    const { config, issues } = validateConfig(withCondition({ all: [{ page: '/' }, when] }));
    expect(codes(issues)).toEqual([`error:${code}@${JSON.stringify(['experiences', 0, 'when', 'all', 1, ...relative])}`]);
    expect(issues[0]!.message).toMatch(message);
    expect(ids(config)).toEqual(['other']);
  });

  it('needs exactly one kind key', () => {
    const none = validateConfig(withCondition({ evnt: 'saved' })).issues;
    expect(none.map((i) => i.message)).toEqual([
      'experiences[0].when: expected a condition with one of "all", "any", "not", "page", "visited", "event", "trait", "stage", "element", "delay", "idle", "struggle", "experience", "date" or "rollout", got an object with key "evnt"; did you mean "event"?',
    ]);
    const two = validateConfig(withCondition({ page: '/a', event: 'x' })).issues;
    expect(codes(two)).toEqual(['error:ambiguous-kind@["experiences",0,"when"]']);
    expect(two[0]!.message).toContain('got "page" and "event"; combine conditions with {"all": [...]}');
  });

  it('limits nesting to 32 levels', () => {
    const nest = (levels: number) => {
      let condition: unknown = { page: '/' };
      for (let i = 1; i < levels; i++) condition = { not: condition };
      return condition;
    };
    expect(validateConfig(withCondition(nest(CONFIG_LIMITS.conditionDepth))).issues).toEqual([]);
    const deep = validateConfig(withCondition(nest(CONFIG_LIMITS.conditionDepth + 1)));
    expect(codes(deep.issues)).toEqual([`error:too-deep@${JSON.stringify(['experiences', 0, 'when', ...Array(32).fill('not')])}`]);
  });
});

describe('cross-references', () => {
  const base = {
    stages: [{ id: 'new' }, { id: 'active' }],
    articles: [{ id: 'help', title: 'Help', url: '/help' }],
  };

  it('duplicate experience, stage and article ids: the later one is dropped', () => {
    const { config, issues } = validateConfig(
      doc([exp('hint', {}, 'a'), exp('beacon', {}, 'a')], { stages: [{ id: 's' }, { id: 's' }], articles: [...base.articles, ...base.articles] }),
    );
    expect(codes(issues)).toEqual([
      'error:duplicate-id@["stages",1,"id"]',
      'error:duplicate-id@["experiences",1,"id"]',
      'error:duplicate-id@["articles",1,"id"]',
    ]);
    expect(issues[1]!.message).toBe('experiences[1].id: duplicate experience id "a" (first used by experiences[0])');
    expect(config!.experiences.map((e) => e.type)).toEqual(['hint']);
    expect(config!.stages).toHaveLength(1);
    expect(config!.articles).toHaveLength(1);
  });

  it('duplicate checklist item ids and tour step ids are errors', () => {
    const { config, issues } = validateConfig(
      doc([
        exp('checklist', { items: [{ id: 'x', title: 'a' }, { id: 'x', title: 'b' }] }),
        exp('tour', { steps: [{ id: 's', title: 'a' }, { id: 's', title: 'b' }] }),
      ]),
    );
    expect(codes(issues)).toEqual(['error:duplicate-id@["experiences",0,"items",1,"id"]', 'error:duplicate-id@["experiences",1,"steps",1,"id"]']);
    expect(config!.experiences).toEqual([]);
  });

  it('unknown article ids are warnings wherever they appear; the experience stays', () => {
    const open = { label: 'Read', action: { type: 'open-article', article: 'nope' } };
    const experiences = [
      exp('tour', { steps: [{ title: 'a', articles: ['nope'], buttons: [open] }] }),
      exp('hint', { articles: ['nope'] }),
      exp('beacon', { articles: ['help', 'nope'] }),
      exp('checklist', { items: [{ id: 'a', title: 'A', articles: ['nope'], action: open.action }] }),
      exp('nudge', { escalation: [{ kind: 'articles', articles: ['nope'] }] }),
    ];
    const { config, issues } = validateConfig(doc(experiences, base));
    expect(codes(issues)).toEqual([
      'warning:unknown-article@["experiences",0,"steps",0,"buttons",0,"action","article"]',
      'warning:unknown-article@["experiences",0,"steps",0,"articles",0]',
      'warning:unknown-article@["experiences",1,"articles",0]',
      'warning:unknown-article@["experiences",2,"articles",1]',
      'warning:unknown-article@["experiences",3,"items",0,"action","article"]',
      'warning:unknown-article@["experiences",3,"items",0,"articles",0]',
      'warning:unknown-article@["experiences",4,"escalation",0,"articles",0]',
    ]);
    expect(issues[2]!.message).toBe('experiences[1].articles[0]: unknown article "nope" (declared: "help")');
    expect(config!.experiences).toHaveLength(5);
  });

  it('unknown stage ids are errors in stages, conditions, completeToStage, returnAtStage and articles', () => {
    const { config, issues } = validateConfig(
      doc(
        [
          exp('hint', { stages: ['actve'] }),
          exp('hint', { when: { stage: { atLeast: 'gone' } } }, 'h2'),
          exp('checklist', { completeToStage: 'done' }),
          exp('checklist', { returnAtStage: 'later' }, 'c2'),
        ],
        { ...base, stages: [...base.stages, { id: 'x', enterWhen: { stage: { before: 'nowhere' } } }], articles: [{ id: 'a', title: 'A', url: '/a', stages: ['old'] }] },
      ),
    );
    expect(codes(issues)).toEqual([
      'error:unknown-stage@["stages",2,"enterWhen","stage","before"]',
      'error:unknown-stage@["experiences",0,"stages",0]',
      'error:unknown-stage@["experiences",1,"when","stage","atLeast"]',
      'error:unknown-stage@["experiences",2,"completeToStage"]',
      'error:unknown-stage@["experiences",3,"returnAtStage"]',
      'error:unknown-stage@["articles",0,"stages",0]',
    ]);
    expect(issues[1]!.message).toBe('experiences[0].stages[0]: unknown stage "actve"; did you mean "active"?');
    expect(config!.experiences).toEqual([]);
  });

  it('says when no stages are declared at all', () => {
    const { issues } = validateConfig(doc([exp('hint', { stages: ['new'] })]));
    expect(issues[0]!.message).toBe('experiences[0].stages[0]: unknown stage "new" (no stages are declared)');
  });

  it('unknown experience ids are errors in conditions and start actions', () => {
    const { config, issues } = validateConfig(
      doc([
        exp('hint', { when: { experience: 'ghost', state: 'seen' } }),
        exp('announcement', { buttons: [{ label: 'Go', action: { type: 'start', experience: 'ghost' } }] }),
        exp('tour', { when: { experience: 'hint-1', state: 'dismissed' } }),
      ]),
    );
    expect(codes(issues)).toEqual([
      'error:unknown-experience@["experiences",0,"when","experience"]',
      'error:unknown-experience@["experiences",1,"buttons",0,"action","experience"]',
      'warning:skipped-reference@["experiences",2,"when","experience"]',
    ]);
    // The tour refers to a declared experience that was dropped: a warning, not a cascade.
    expect(ids(config)).toEqual(['tour-1']);
  });

  it('a reference to a declared but invalid unit is a warning', () => {
    const { config, issues } = validateConfig(doc([exp('hint', { body: 5 }, 'broken'), exp('tour', { when: { experience: 'broken', state: 'seen' } })], base));
    expect(codes(issues)).toEqual(['error:invalid-type@["experiences",0,"body"]', 'warning:skipped-reference@["experiences",1,"when","experience"]']);
    expect(issues[1]!.message).toBe('experiences[1].when.experience: refers to experience "broken", which is invalid and was skipped');
    expect(ids(config)).toEqual(['tour-1']);
  });

  it('dependsOn must name items of the same checklist, without cycles', () => {
    const items = (deps: Record<string, string[]>) => Object.entries(deps).map(([id, dependsOn]) => ({ id, title: id, dependsOn }));
    const check = (deps: Record<string, string[]>) => codes(validateConfig(doc([exp('checklist', { items: items(deps) })])).issues);
    expect(check({ a: [], b: ['a'], c: ['a', 'b'] })).toEqual([]);
    expect(check({ a: [], b: ['z'] })).toEqual(['error:unknown-item@["experiences",0,"items",1,"dependsOn",0]']);
    expect(check({ a: ['a'] })).toEqual(['error:dependency-cycle@["experiences",0,"items",0,"dependsOn",0]']);
    expect(check({ a: ['c'], b: ['a'], c: ['b'] })).toEqual(['error:dependency-cycle@["experiences",0,"items",0,"dependsOn"]']);
    const cycle = validateConfig(doc([exp('checklist', { items: items({ a: ['b'], b: ['a'] }) })])).issues[0]!;
    expect(cycle.message).toContain('a → b → a');
  });
});

describe('semantic checks', () => {
  it.each([
    ['nps', [0, 11], true],
    ['nps', [0, 6], false],
    ['nps', [7, 6], true],
    ['csat', [0, 2], true],
    ['csat', [1, 2], false],
    ['ces', [5, 8], true],
    ['ces', [5, 7], false],
  ] as const)('%s follow-up scores %j (error: %s)', (kind, scores, bad) => {
    const { issues } = validateConfig(doc([exp('survey', { kind, followUps: [{ scores }] })]));
    expect(codes(issues)).toEqual(bad ? ['error:score-range@["experiences",0,"followUps",0,"scores"]'] : []);
  });

  it('a survey scale outside csat is a warning', () => {
    const { config, issues } = validateConfig(doc([exp('survey', { kind: 'nps', scale: 'stars' }), exp('survey', { scale: 'faces' }, 's2')]));
    expect(codes(issues)).toEqual(['warning:ignored-field@["experiences",0,"scale"]']);
    expect(config!.experiences).toHaveLength(2);
  });

  it('locale codes must look like BCP 47', () => {
    const { issues } = validateConfig(doc([exp('announcement', { title: { en: 'Hi', english: 'Hi' } })], { locale: { default: 'en_US' }, strings: { 'ru-RU': { next: 'Далее' } } }));
    expect(codes(issues)).toEqual(['error:invalid-locale@["locale","default"]', 'error:invalid-locale@["experiences",0,"title","english"]']);
    expect(issues[1]!.message).toBe('experiences[0].title.english: expected the key to be a locale code like "en" or "pt-BR", got "english"');
  });

  it('warns when the default locale is not among the supported ones', () => {
    const { issues } = validateConfig(doc([], { locale: { default: 'en', supported: ['ru', 'lt'] } }));
    expect(codes(issues)).toEqual(['warning:locale-not-supported@["locale","default"]']);
  });

  it('rollout and control are percentages', () => {
    const { issues } = validateConfig(doc([exp('hint', { control: -1 }), exp('hint', { when: { rollout: 100.5 } }, 'h2')]));
    expect(codes(issues)).toEqual(['error:too-small@["experiences",0,"control"]', 'error:too-big@["experiences",1,"when","rollout"]']);
  });

  it('rejects unsafe links everywhere, in every disguise', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:x', 'java\nscript:x', '&#106;avascript:x', 'data:text/html,x', 'vbscript:x', 'help.html']) {
      const { issues } = validateConfig(doc([exp('announcement', { buttons: [{ label: 'x', action: { type: 'url', url } }] })]));
      expect(codes(issues), url).toEqual(['error:unsafe-url@["experiences",0,"buttons",0,"action","url"]']);
    }
  });

  it('rejects unsafe links inside rich text, naming the locale', () => {
    const { issues } = validateConfig(doc([exp('tour', { steps: [{ title: 'a', body: { en: 'ok [x](/fine)', lt: 'bad [x](javascript:alert(1))' } }] })]));
    expect(issues.map((i) => i.message)).toEqual([
      'experiences[0].steps[0].body.lt: expected rich text with safe links (https:, http:, mailto:, tel: or relative), got the link "javascript:alert(1)"',
    ]);
  });

  it('checks operator hours and the time zone', () => {
    const chat = (hours: unknown) => validateConfig(doc([], { chat: { provider: 'crisp', hours } }));
    expect(chat({ timeZone: 'Europe/Vilnius', weekly: { mon: ['09:00-18:00'] } }).issues).toEqual([]);
    const bad = chat({ timeZone: 'Mars/Olympus', weekly: { mon: ['18:00-09:00'] } });
    expect(codes(bad.issues)).toEqual(['error:invalid-time-zone@["chat","hours","timeZone"]', 'error:invalid-hours@["chat","hours","weekly","mon",0]']);
    expect(bad.config!.chat).toBeUndefined();
    expect(codes(chat({ timeZone: 'UTC', weekly: { mon: ['9-5'] } }).issues)).toEqual(['error:invalid-hours@["chat","hours","weekly","mon",0]']);
    // Aliases outside the canonical list are still zones; a near miss is not.
    expect(chat({ timeZone: 'Asia/Calcutta', weekly: {} }).issues).toEqual([]);
    expect(codes(chat({ timeZone: 'Europe/Vilnus', weekly: {} }).issues)).toEqual(['error:invalid-time-zone@["chat","hours","timeZone"]']);
  });
});

describe('version', () => {
  it('refuses a newer major version with an upgrade message', () => {
    expect(validateConfig({ version: '2', experiences: [] })).toEqual({
      config: null,
      issues: [{ code: 'unsupported-version', severity: 'error', path: ['version'], message: 'version: this config is version 2, this Waymark understands version 1; upgrade the SDK' }],
    });
    expect(validateConfig({ version: '3.1', experiences: [] }).config).toBeNull();
  });

  it('refuses a missing or malformed version', () => {
    expect(codes(validateConfig({ experiences: [] }).issues)).toEqual(['error:missing@["version"]']);
    expect(validateConfig({ version: 1, experiences: [] }).issues[0]!.message).toBe('version: expected a version like "1" or "1.2", got 1; write it as a string: "1"');
    expect(validateConfig({ version: 'latest', experiences: [] }).config).toBeNull();
  });

  it('refuses a document without a list of experiences', () => {
    expect(codes(validateConfig({ version: '1' }).issues)).toEqual(['error:missing@["experiences"]']);
    expect(validateConfig({ version: '1', experiences: {} }).config).toBeNull();
  });
});

describe('migrations', () => {
  it('upgrades a version 0 document ("trigger" → "when") with warnings', () => {
    const v0 = { version: '0', experiences: [{ id: 'a', type: 'hint', target: '#a', body: 'b', trigger: { page: '/' } }] };
    const { config, issues } = validateConfig(v0);
    expect(codes(issues)).toEqual(['warning:migrated@["version"]', 'warning:migrated@["experiences",0,"trigger"]']);
    expect(config).toEqual({ version: '1', experiences: [{ id: 'a', type: 'hint', target: '#a', body: 'b', when: { page: '/' } }] });
    expect(v0.experiences[0]).toHaveProperty('trigger');
  });

  it('runs steps in order and stops when a step is missing', () => {
    const steps: ConfigMigration[] = [
      { from: 1, to: 2, migrate: (d, warn) => (warn(['a'], 'renamed a'), { ...d, version: '2', b: d.a }) },
      { from: 2, to: 3, migrate: (d) => ({ ...d, version: '3', c: d.b }) },
    ];
    const up = migrateConfig({ version: '1', a: 1 }, 3, steps);
    expect(up.ok).toBe(true);
    expect(up.doc).toEqual({ version: '3', a: 1, b: 1, c: 1 });
    expect(codes(up.issues)).toEqual(['warning:migrated@["version"]', 'warning:migrated@["a"]']);
    const gap = migrateConfig({ version: '0' }, 3, steps);
    expect(gap.ok).toBe(false);
    expect(gap.issues[0]!.message).toContain('no migration from version 0');
  });
});

describe('hostile input never throws', () => {
  const fatal = (input: unknown, code: string) => {
    const result = validateConfig(input);
    expect(result.config).toBeNull();
    expect(result.issues.map((i) => i.code)).toContain(code);
  };

  it('non-objects', () => {
    for (const input of [null, undefined, 42, 'config', true, [], () => 1, Symbol('x'), 10n]) {
      const result = validateConfig(input);
      expect(result.config).toBeNull();
      expect(result.issues).toHaveLength(1);
    }
    fatal([], 'not-an-object');
    fatal(new Date(), 'invalid-type');
  });

  it('huge arrays are cut at the limits, with an issue', () => {
    const many = Array.from({ length: 1_500 }, (_, i) => exp('hint', {}, `h${i}`));
    const { config, issues } = validateConfig(doc(many));
    expect(config!.experiences).toHaveLength(CONFIG_LIMITS.experiences);
    expect(codes(issues)).toEqual(['error:too-many@["experiences",1000]']);
    const sparse = validateConfig(doc(new Array(1e9)));
    expect(sparse.issues.some((i) => i.code === 'too-many')).toBe(true);
    fatal(new Array(20_000).fill(0), 'not-an-object');
  });

  it('deeply nested objects stop at the depth limit', () => {
    let deep: Record<string, unknown> = { page: '/' };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const { config, issues } = validateConfig(doc([exp('hint', { when: deep }), exp('hint', {}, 'ok')]));
    expect(codes(issues)).toEqual([`error:too-deep@${JSON.stringify(['experiences', 0, 'when', ...Array(CONFIG_LIMITS.maxDepth - 3).fill('not')])}`]);
    expect(ids(config)).toEqual(['ok']);
  });

  it('cyclic objects', () => {
    const cyclic: Record<string, unknown> = doc([]);
    (cyclic.experiences as unknown[]).push(exp('hint'), cyclic);
    const { config, issues } = validateConfig(cyclic);
    expect(codes(issues)).toEqual(['error:cyclic@["experiences",1]']);
    expect(ids(config)).toEqual(['hint-1']);
  });

  it('__proto__, constructor and prototype keys are refused and nothing is polluted', () => {
    const input = JSON.parse('{"version":"1","experiences":[{"id":"a","type":"hint","target":"#a","body":"b","__proto__":{"polluted":true}},{"id":"b","type":"hint","target":"#a","body":"b"}],"strings":{"en":{"__proto__":"x"}},"__proto__":{"polluted":true}}');
    const { config, issues } = validateConfig(input);
    expect(codes(issues)).toEqual(['error:forbidden-key@["experiences",0,"__proto__"]', 'error:forbidden-key@["strings","en","__proto__"]', 'error:forbidden-key@["__proto__"]']);
    expect(ids(config)).toEqual(['b']);
    expect(config!.strings).toBeUndefined();
    for (const key of ['constructor', 'prototype']) {
      const result = validateConfig(doc([{ ...exp('hint'), [key]: { polluted: true } }]));
      expect(codes(result.issues)).toEqual([`error:forbidden-key@["experiences",0,"${key}"]`]);
    }
  });

  it('getters and proxies that throw', () => {
    const getter = exp('hint', {}, 'g');
    Object.defineProperty(getter, 'body', { enumerable: true, get: () => { throw new Error('boom'); } });
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const { config, issues } = validateConfig(doc([getter, trap, revocable.proxy, exp('hint', {}, 'ok')]));
    expect(codes(issues)).toEqual(['error:unreadable@["experiences",0,"body"]', 'error:unreadable@["experiences",1]', 'error:unreadable@["experiences",2]']);
    expect(issues[0]!.message).toBe('experiences[0].body: could not be read (Error: boom)');
    expect(ids(config)).toEqual(['ok']);
    const root = new Proxy({}, { getPrototypeOf: () => { throw new Error('nope'); } });
    fatal(root, 'unreadable');
  });

  it('non-JSON values and oversized strings', () => {
    const { config, issues } = validateConfig(doc([exp('hint', { body: () => 'x' }), exp('hint', { priority: NaN }, 'h2'), exp('hint', { name: 'x'.repeat(200_000) }, 'h3'), exp('hint', { body: new Map() }, 'h4'), exp('hint', {}, 'ok')]));
    expect(codes(issues)).toEqual([
      'error:invalid-type@["experiences",0,"body"]',
      'error:invalid-type@["experiences",1,"priority"]',
      'error:too-long@["experiences",2,"name"]',
      'error:invalid-type@["experiences",3,"body"]',
    ]);
    expect(ids(config)).toEqual(['ok']);
  });

  it('caps the number of issues', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => ({ id: `x${i}`, type: 'hint' }));
    const { issues } = validateConfig(doc(many.concat(many)));
    expect(issues).toHaveLength(CONFIG_LIMITS.issues + 1);
    expect(issues.at(-1)).toMatchObject({ code: 'too-many-issues', severity: 'error' });
  });
});
