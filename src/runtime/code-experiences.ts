/**
 * Experiences added from code (`addExperience`): checked by the validator against the loaded config, their Element
 * targets given to the engine and the sensors as selectors on marker attributes, and to the components untouched.
 * A chunk of its own, fetched alongside the validator by the first `addExperience`: a page that adds none never
 * loads it.
 */
import type { Experience } from '../config/types.js';
import type { Engine } from '../engine/index.js';
import type { ProgrammaticOptions } from './programmatic.js';

type Validator = (typeof import('../config/validate.js'))['validateConfig'];

export interface CodeExperiences {
  /** Validated against the loaded config, so it waits for it (and for a user switch in progress). */
  add(engine: Engine, given: unknown, validateConfig: Validator): void;
  /** Removed in code: its Elements lose their marker attributes. */
  release(experienceId: string): void;
  dispose(): void;
}

type Options = Pick<ProgrammaticOptions, 'window' | 'now' | 'config' | 'replace' | 'effects' | 'watchPage' | 'report'>;

export function createCodeExperiences(options: Options): CodeExperiences {
  const { window: win, now } = options;
  let elementMarks = 0;
  const addedInCode = new Map<string, ElementTargets>();

  function add(engine: Engine, given: unknown, validateConfig: Validator): void {
    const id = given !== null && typeof given === 'object' ? (given as { id?: unknown }).id : undefined;
    const marked = withElementTargets(win, given, () => ++elementMarks);
    const config = options.config();
    const others = config.experiences.filter((each) => each.id !== id);
    const { config: checked, issues } = validateConfig({ ...config, experiences: [...others, marked.json] });
    const index = others.length;
    const own = issues.filter((issue) => issue.path[0] === 'experiences' && issue.path[1] === index);
    // The messages name the path inside the experience, not its place in the config (which the caller never saw).
    const inConfig = `experiences[${index}]`;
    for (const issue of own) {
      const message = issue.message.startsWith(`${inConfig}.`) ? issue.message.slice(inConfig.length + 1) : issue.message.replace(inConfig, '(experience)');
      options.report({ code: `config-${issue.code}`, severity: issue.severity, where: 'addExperience', path: issue.path.slice(2), message });
    }
    const valid = checked?.experiences.find((each) => each.id === id);
    if (!valid || typeof id !== 'string' || own.some((issue) => issue.severity === 'error')) {
      if (own.length === 0) options.report({ code: 'config-invalid-experience', severity: 'error', where: 'addExperience', message: 'expected an experience with an id and a type' });
      marked.release();
      return;
    }
    addedInCode.get(id)?.release();
    addedInCode.set(id, marked);
    options.replace(id, marked.restore(valid), valid);
    options.effects().apply(engine.addExperience(valid, now()));
    options.watchPage(engine);
  }

  return {
    add,
    release(experienceId) {
      addedInCode.get(experienceId)?.release();
      addedInCode.delete(experienceId);
    },
    dispose() {
      for (const marked of addedInCode.values()) marked.release();
      addedInCode.clear();
    },
  };
}

/** The attribute that lets the page sensors watch an Element target given in code (the UI uses the Element itself). */
const ELEMENT_ATTRIBUTE = 'data-waymark-element';

/**
 * An experience from code whose targets may be Elements. The engine and the validator see JSON: each Element
 * becomes a selector on a marker attribute set on it (so element sensors see it come and go); the components
 * get the experience with the Elements themselves, untouched.
 */
export interface ElementTargets {
  /** The experience as JSON, for the validator and the engine. */
  readonly json: unknown;
  /** The validated experience with its Elements back in place, for the components. */
  restore(validated: Experience): Experience;
  /** Remove the marker attributes. */
  release(): void;
}

export function withElementTargets(win: Window, experience: unknown, nextId: () => number): ElementTargets {
  const marked = new Map<string, Element>();
  const selectorFor = (element: Element): string => {
    let mark = element.getAttribute(ELEMENT_ATTRIBUTE);
    if (!mark) {
      mark = String(nextId());
      element.setAttribute(ELEMENT_ATTRIBUTE, mark);
    }
    const selector = `[${ELEMENT_ATTRIBUTE}="${mark}"]`;
    marked.set(selector, element);
    return selector;
  };
  const toJson = (value: unknown, depth: number): unknown => {
    if (value instanceof (win as Window & typeof globalThis).Element) return { selector: selectorFor(value) };
    if (depth > 64 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = toJson(item, depth + 1);
    return copy;
  };
  const fromJson = (value: unknown, depth: number): unknown => {
    if (depth > 64 || value === null || typeof value !== 'object') return typeof value === 'string' ? (marked.get(value) ?? value) : value;
    const selector = (value as { selector?: unknown }).selector;
    if (typeof selector === 'string' && Object.keys(value).length === 1 && marked.has(selector)) return marked.get(selector);
    if (Array.isArray(value)) return value.map((item) => fromJson(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = fromJson(item, depth + 1);
    return copy;
  };
  return {
    json: toJson(experience, 0),
    restore: (validated) => (marked.size === 0 ? validated : (fromJson(validated, 0) as Experience)),
    release() {
      for (const element of marked.values()) element.removeAttribute(ELEMENT_ATTRIBUTE);
      marked.clear();
    },
  };
}
