/**
 * React 19 and Vue set a prop on a custom element as a DOM property when the element has a property
 * of that name, else as an attribute. Declared experiences are read from attributes, so no defined
 * Waymark element may have a property named like an attribute the declarative compiler reads
 * (`id` and `title` are the standard reflecting ones). A `target` field on <wm-hint> once broke
 * `<wm-hint target="…">` in both frameworks.
 */
import { expect } from '@open-wc/testing';
import '../ui/tour/define.js';
import '../ui/hint/define.js';
import '../ui/beacon/define.js';
import '../ui/checklist/define.js';

const source = await (await fetch(new URL('./declarative.ts', import.meta.url))).text();
/** The attributes one compile function of declarative.ts reads, e.g. `compileHint` → target, title, open-on… */
function readBy(fn: string): string[] {
  const start = source.search(new RegExp(`function ${fn}\\(`));
  const end = source.indexOf('\nfunction ', start + 1);
  const body = source.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/reader\.\w+\(["']([a-z-]+)["']/g)].map((match) => match[1]!);
}
const shared = readBy('base');
const ATTRIBUTES: Record<string, string[]> = {
  'wm-tour': [...shared, ...readBy('compileTour')],
  'wm-hint': [...shared, ...readBy('compileHint')],
  'wm-beacon': [...shared, ...readBy('compileBeacon')],
  'wm-checklist': [...shared, 'experience-id', ...readBy('compileChecklist')],
};
const REFLECTING = new Set(['id', 'title']);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('declarative attributes are never shadowed by element properties', () => {
  it('reads a known set of attributes (the scan works)', () => {
    expect(shared).to.include.members(['name', 'stages', 'priority', 'show']);
    expect(ATTRIBUTES['wm-hint']).to.include.members(['target', 'open-on', 'placement']);
    expect(ATTRIBUTES['wm-tour']).to.include('spotlight');
  });

  for (const [tag, read] of Object.entries(ATTRIBUTES)) {
    it(`<${tag}>: no property named like a declarative attribute, unless it reflects to it`, async () => {
      expect(customElements.get(tag), `${tag} is defined`).to.not.equal(undefined);
      const probe = document.createElement(tag);
      const shadowed = read.filter((name) => !REFLECTING.has(name) && (name in probe || camel(name) in probe));
      // What a framework does with a prop of that name: set the property. It must land in the attribute.
      const lost: string[] = [];
      for (const name of shadowed) {
        const element = document.createElement(tag) as HTMLElement & { updateComplete?: Promise<unknown> };
        const property = name in element ? name : camel(name);
        (element as unknown as Record<string, unknown>)[property] = 'probe-value';
        document.body.append(element);
        await element.updateComplete;
        if (element.getAttribute(name) !== 'probe-value') lost.push(name);
        element.remove();
      }
      expect(lost).to.deep.equal([]);
    });
  }
});
