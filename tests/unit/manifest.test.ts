/**
 * dist/custom-elements.json (written by `npm run build`, which `npm test` runs first) must describe
 * every Waymark element as the sources really are: its tag and class, the events it dispatches,
 * the attributes it reads, the parts it renders and the custom properties it uses, each with a
 * description. A component added, or changed, without its docs fails here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Described {
  name: string;
  description?: string;
  type?: { text: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  events?: Described[];
  attributes?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  members?: Described[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: Array<{ kind: string; name: string; declaration: { name: string; module?: string } }>;
}

const MANIFEST_PATH = 'dist/custom-elements.json';
const manifest: { modules: Module[] } | null = existsSync(new URL(MANIFEST_PATH, root)) ? JSON.parse(read(MANIFEST_PATH)) : null;

// ---- what the sources say --------------------------------------------------------------------

/** Registering entries: src/ui/<name>/define.ts calls defineElement(customElements, '<tag>', <Class>). */
function definedTags(): Array<{ tag: string; className: string; definePath: string }> {
  const found: Array<{ tag: string; className: string; definePath: string }> = [];
  for (const entry of readdirSync(new URL('src/ui/', root), { withFileTypes: true })) {
    const definePath = `src/ui/${entry.name}/define.ts`;
    if (!entry.isDirectory() || !existsSync(new URL(definePath, root))) continue;
    for (const match of read(definePath).matchAll(/defineElement\(\s*customElements\s*,\s*'([^']+)'\s*,\s*(\w+)\s*\)/g)) {
      found.push({ tag: match[1]!, className: match[2]!, definePath });
    }
  }
  return found;
}

/** The source file that declares `export class <name>`. */
function classFile(className: string): string {
  for (const entry of readdirSync(new URL('src/ui/', root), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(new URL(`src/ui/${entry.name}/`, root))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const path = `src/ui/${entry.name}/${file}`;
      if (new RegExp(`export class ${className}\\b`).test(read(path))) return path;
    }
  }
  throw new Error(`no source declares class ${className}`);
}

/** Event class → its type, from `static readonly eventName = '…'` in shared/events.ts. */
const EVENTS_SOURCE = read('src/ui/shared/events.ts');
const EVENT_NAMES = new Map(
  [...EVENTS_SOURCE.matchAll(/class (\w+) extends Event \{\s*static readonly eventName = '([^']+)'/g)].map((m) => [m[1]!, m[2]!]),
);

/** The events a component's source dispatches: Waymark event classes, or plain `new (Custom)Event('…')`. */
function dispatchedEvents(source: string): Map<string, string | null> {
  const events = new Map<string, string | null>();
  for (const [, className] of source.matchAll(/new (Wm\w+Event)\(/g)) {
    const name = EVENT_NAMES.get(className!);
    if (!name) throw new Error(`${className} has no static eventName in src/ui/shared/events.ts`);
    events.set(name, className!);
  }
  for (const [, name] of source.matchAll(/new (?:Custom)?Event\(\s*['"`]([^'"`]+)['"`]/g)) events.set(name!, null);
  return events;
}

/** The keys of `export interface <name> { … }` (or none for `Record<never, never>`) in shared/events.ts. */
function eventMapKeys(interfaceName: string): string[] {
  const body = new RegExp(`export interface ${interfaceName} \\{([^}]*)\\}`).exec(EVENTS_SOURCE)?.[1];
  if (body !== undefined) return [...body.matchAll(/'([^']+)':/g)].map((m) => m[1]!);
  if (new RegExp(`export type ${interfaceName} = Record<never, never>;`).test(EVENTS_SOURCE)) return [];
  throw new Error(`no event map ${interfaceName} in src/ui/shared/events.ts`);
}
const EVENT_MAP_BY_TAG = new Map(
  [...(/export interface WmElementEventMaps \{([^}]*)\}/.exec(EVENTS_SOURCE)?.[1] ?? '').matchAll(/'([^']+)': (\w+);/g)].map((m) => [m[1]!, m[2]!]),
);

/** Lit properties that have an attribute: `@property({ type: Number }) step` → `step`; `attribute: 'x'` → `x`. */
function litAttributes(source: string): string[] {
  const names: string[] = [];
  for (const [, options, field] of source.matchAll(/@property\(\s*(\{[^}]*\})?\s*\)\s*(?:override\s+)?(?:readonly\s+)?(\w+)/g)) {
    if (options && /attribute:\s*false/.test(options)) continue;
    const explicit = options && /attribute:\s*'([^']+)'/.exec(options)?.[1];
    names.push(explicit || field!.toLowerCase());
  }
  return names;
}

/** The body of `function <name>(` in a source file, up to the next top-level function or comment. */
function functionBody(source: string, name: string): string {
  const start = source.search(new RegExp(`\\nfunction ${name}\\(`));
  if (start < 0) throw new Error(`no function ${name}`);
  const rest = source.slice(start + 1);
  const end = rest.slice(1).search(/\n(?:function |\/\*\*|class |export )/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** Attributes a declarative element is compiled from (src/ui/declarative.ts). */
const DECLARATIVE = read('src/ui/declarative.ts');
const READ_ATTRIBUTE = /reader\.(?:text|required|flag|number|duration|oneOf)\('([a-z-]+)'/g;
function declarativeAttributes(tag: string): string[] {
  const compiler = { 'wm-tour': 'compileTour', 'wm-hint': 'compileHint', 'wm-beacon': 'compileBeacon', 'wm-checklist': 'compileChecklist' }[tag];
  if (!compiler) return [];
  const body = functionBody(DECLARATIVE, compiler);
  const names = [...body.matchAll(READ_ATTRIBUTE)].map((m) => m[1]!);
  // Every experience shares base(): its id attribute (`id` unless the compiler names another) and the rest.
  const base = /base\(reader(?:, '([a-z-]+)')?\)/.exec(body);
  if (base) names.push(base[1] ?? 'id', ...[...functionBody(DECLARATIVE, 'base').matchAll(READ_ATTRIBUTE)].map((m) => m[1]!));
  return names;
}

/** Part names in `part="a b"` and `part=${cond ? 'a b' : 'c'}` / `part=${parts}` (a `const parts = …` in the file). */
function partNames(source: string): Set<string> {
  const parts = new Set<string>();
  const add = (expression: string) => {
    const strings = [...expression.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    for (const [, template] of expression.matchAll(/`([^`]*)`/g)) strings.push(template!.replace(/\$\{[^}]*\}/g, ' '));
    for (const text of strings) for (const token of text.split(/\s+/)) if (token) parts.add(token);
  };
  for (const [, literal] of source.matchAll(/\bpart="([^"]+)"/g)) {
    // part="button button-${button.variant ?? 'secondary'}": every variant a button may have.
    for (const token of literal!.replace(/\$\{[^}]*\}/g, '*').split(/\s+/)) {
      if (token.includes('*')) for (const variant of BUTTON_VARIANTS) parts.add(token.replace('*', variant));
      else parts.add(token);
    }
  }
  for (const [, expression] of source.matchAll(/\bpart=\$\{([^}]+)\}/g)) {
    const name = expression!.trim();
    if (/^\w+$/.test(name)) add(new RegExp(`const ${name} = ([^;]+);`).exec(source)?.[1] ?? '');
    else add(name);
  }
  return parts;
}
const BUTTON_VARIANTS = /variant\?: ((?:'[a-z]+'(?: \| )?)+);/
  .exec(read('src/config/types.ts'))![1]!.match(/[a-z]+/g)!;

/** Parts rendered by the shared helpers a component calls (src/ui/shared/content.ts, rich-text.ts). */
const CONTENT = read('src/ui/shared/content.ts');
const RICH_TEXT_PARTS = partNames(read('src/ui/shared/rich-text.ts'));
function helperParts(source: string): Set<string> {
  const parts = new Set<string>();
  for (const [, helper] of CONTENT.matchAll(/export function (\w+)\(/g)) {
    if (!new RegExp(`\\b${helper}\\(`).test(source)) continue;
    const body = CONTENT.slice(CONTENT.indexOf(`export function ${helper}(`)).split(/\nexport function /)[0]!;
    for (const part of partNames(body)) parts.add(part);
    if (body.includes('renderRichText(')) for (const part of RICH_TEXT_PARTS) parts.add(part);
  }
  if (/\brenderRichText\(/.test(source)) for (const part of RICH_TEXT_PARTS) parts.add(part);
  return parts;
}

/** Custom properties a stylesheet uses or defines. */
const cssVariables = (source: string) => new Set([...source.matchAll(/(--wm-[a-z-]+)/g)].map((m) => m[1]!));
const SHARED_CSS = new Set([...cssVariables(read('src/ui/shared/styles.ts')), ...cssVariables(read('src/ui/shared/theme.ts'))]);

/** Children of declarative elements: never registered, compiled by these functions of declarative.ts. */
const MARKUP_ONLY = [
  { tag: 'wm-step', compilers: ['compileStep'] },
  { tag: 'wm-task', compilers: ['compileTask', 'taskAction'] },
];

// ---- the checks ------------------------------------------------------------------------------

const tags = definedTags();
const elements = (manifest?.modules ?? []).flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement).map((d) => ({ mod, d })));
const names = (list: Described[] | undefined) => (list ?? []).map((item) => item.name).sort();
const undocumented = (list: Described[] | undefined) => (list ?? []).filter((item) => !item.description?.trim()).map((item) => item.name);

describe('custom-elements.json', () => {
  it('is built into dist and named by package.json', () => {
    expect(manifest, `${MANIFEST_PATH} is missing: run npm run build`).not.toBeNull();
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.customElements).toBe(MANIFEST_PATH);
    expect(pkg.exports['./custom-elements.json']).toBe(`./${MANIFEST_PATH}`);
    expect(pkg.files).toContain('dist');
  });

  it('finds the registering entries it checks', () => {
    expect(tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['wm-tour', 'wm-hint', 'wm-beacon', 'wm-checklist', 'wm-announcement', 'wm-survey', 'wm-nudge', 'wm-help']));
  });

  it('lists exactly the elements src/ui/*/define.ts registers, and the markup-only <wm-step> and <wm-task>', () => {
    expect(elements.map(({ d }) => d.tagName).sort()).toEqual([...tags.map((t) => t.tag), ...MARKUP_ONLY.map((m) => m.tag)].sort());
  });

  describe.each(MARKUP_ONLY)('<$tag> (markup read by src/ui/declarative.ts)', ({ tag, compilers }) => {
    const element = elements.find(({ d }) => d.tagName === tag);
    it('documents every attribute it is compiled from, and no other, and its text content as the slot', () => {
      expect(element?.mod.path).toBe('dist/lib/ui/declarative.js');
      const read = compilers.flatMap((name) => [...functionBody(DECLARATIVE, name).matchAll(READ_ATTRIBUTE)].map((m) => m[1]!));
      expect(names(element?.d.attributes)).toEqual([...new Set(read)].sort());
      expect(undocumented(element?.d.attributes)).toEqual([]);
      expect(element?.d.summary?.trim()).toBeTruthy();
      expect((element?.d as { slots?: Described[] } | undefined)?.slots?.map((slot) => slot.name)).toEqual(['']);
    });
  });

  it('points at files the package ships', () => {
    for (const mod of manifest?.modules ?? []) {
      expect(mod.path, mod.path).toMatch(/^dist\/lib\/ui\/.+\.js$/);
      expect(existsSync(new URL(mod.path, root)), `${mod.path} is not in the build`).toBe(true);
      for (const entry of mod.exports ?? []) {
        if (entry.declaration.module) expect(existsSync(new URL(entry.declaration.module, root)), entry.declaration.module).toBe(true);
      }
    }
  });

  describe.each(tags)('<$tag>', ({ tag, className, definePath }) => {
    const element = elements.find(({ d }) => d.tagName === tag);
    const declaration = element?.d;
    const source = classFile(className);
    // A component built on the shared base element dispatches what the base dispatches too (its `act()`).
    const own = read(source);
    const code = /extends WaymarkElement\b/.test(own) ? `${own}\n${read('src/ui/shared/base-element.ts')}` : own;

    it(`is ${className}, declared in ${source} and registered by ${definePath}`, () => {
      expect(declaration?.name).toBe(className);
      expect(element?.mod.path).toBe(source.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, '.js'));
      const definitions = (manifest?.modules ?? []).flatMap((mod) => mod.exports ?? []).filter((e) => e.kind === 'custom-element-definition' && e.name === tag);
      expect(definitions.length).toBeGreaterThan(0);
      for (const definition of definitions) expect(definition.declaration.name).toBe(className);
      expect(code).toMatch(new RegExp(`interface HTMLElementTagNameMap \\{\\s*'${tag}': ${className};`));
    });

    it('has a summary and a description', () => {
      expect(declaration?.summary?.trim(), `${className}: add @summary`).toBeTruthy();
      expect(declaration?.description?.trim().length ?? 0).toBeGreaterThan(40);
    });

    it('documents every event it dispatches, and no other, with its event class', () => {
      const dispatched = dispatchedEvents(code);
      expect(names(declaration?.events), `@fires in ${source}`).toEqual([...dispatched.keys()].sort());
      expect(undocumented(declaration?.events)).toEqual([]);
      for (const event of declaration?.events ?? []) {
        const eventClass = dispatched.get(event.name);
        if (eventClass) expect(event.type?.text, `@fires {${eventClass}} ${event.name}`).toBe(eventClass);
      }
    });

    it('has an event map in src/ui/shared/events.ts with the same events', () => {
      const map = EVENT_MAP_BY_TAG.get(tag);
      expect(map, `add '${tag}' to WmElementEventMaps`).toBeDefined();
      expect(eventMapKeys(map!).sort()).toEqual([...dispatchedEvents(code).keys()].sort());
    });

    it('documents every attribute it reads, and no other', () => {
      const expected = new Set([...litAttributes(code), ...declarativeAttributes(tag)]);
      expect(names(declaration?.attributes)).toEqual([...expected].sort());
      expect(undocumented(declaration?.attributes)).toEqual([]);
    });

    it('documents every part it renders, and no other', () => {
      // With the sibling modules it takes templates from (e.g. its views) and the shared card templates
      // (`../shared/*-card.ts`): every part it renders.
      const rendering = [code, ...[...read(source).matchAll(/^import \{[^}]*\} from '(\.\/[\w-]+|\.\.\/shared\/[\w-]+-card)\.js';/gm)].map((m) => read(source.replace(/[^/]+$/, `${m[1]}.ts`)))].join('\n');
      const rendered = new Set([...partNames(rendering), ...helperParts(rendering)]);
      expect(names(declaration?.cssParts), `@csspart in ${source}`).toEqual([...rendered].sort());
      expect(undocumented(declaration?.cssParts)).toEqual([]);
    });

    it('documents the custom properties its own styles use, and only ones that exist', () => {
      const ownStyles = [code, ...[...code.matchAll(/from '\.\/([\w-]*\.?styles)\.js'/g)].map((m) => read(source.replace(/[^/]+$/, `${m[1]}.ts`)))]
        .join('\n')
        // The JSDoc names them too: read the code and its styles, not the comments.
        .replace(/\/\*\*[\s\S]*?\*\//g, '');
      // Set by the component itself through the CSSOM (e.g. --wm-edge-top): internal, not for hosts.
      const internal = new Set([...ownStyles.matchAll(/setProperty\('(--wm-[a-z-]+)'/g)].map((m) => m[1]!));
      const used = [...cssVariables(ownStyles)].filter((name) => !internal.has(name));
      const documented = names(declaration?.cssProperties);
      expect(documented, `@cssprop in ${source}`).toEqual(expect.arrayContaining(used));
      const available = new Set([...SHARED_CSS, ...used]);
      expect(documented.filter((name) => !available.has(name)), 'documented but never used').toEqual([]);
      expect(undocumented(declaration?.cssProperties)).toEqual([]);
    });
  });

  it('describes the fields of every event class', () => {
    const eventModule = manifest?.modules.find((mod) => mod.path === 'dist/lib/ui/shared/events.js');
    for (const [className] of EVENT_NAMES) {
      const declaration = eventModule?.declarations?.find((d) => d.name === className);
      expect(declaration, className).toBeDefined();
      const fields = (declaration?.members ?? []).filter((m) => m.name !== 'eventName');
      const constructorFields = [...(new RegExp(`class ${className} extends Event \\{[\\s\\S]*?constructor\\(([\\s\\S]*?)\\)\\s*\\{`).exec(EVENTS_SOURCE)?.[1] ?? '').matchAll(/readonly (\w+)/g)].map((m) => m[1]!);
      expect(fields.map((f) => f.name).sort(), `@property tags on ${className}`).toEqual(constructorFields.sort());
      expect(undocumented(fields)).toEqual([]);
    }
  });
});
