import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './json-schema.js';
import { renderReferenceDocs, REFERENCE_DOCS_PATH, STALE_MESSAGE, typeOf } from './reference-docs.js';
import { CONDITION_KINDS, EXPERIENCE_TYPES, tourStepSchema } from './schema.js';

const schema = toJsonSchema();
const markdown = renderReferenceDocs(schema);
const defs = schema.$defs as Record<string, Record<string, unknown>>;

/** The Markdown between a definition's anchor and the next one. */
function sectionOf(id: string): string {
  const start = markdown.indexOf(`<a id="${id.toLowerCase()}"></a>`);
  expect(start, `no section for ${id}`).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('<a id="', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('the config reference', () => {
  it('is committed and up to date', () => {
    const committed = readFileSync(new URL(`../../${REFERENCE_DOCS_PATH}`, import.meta.url), 'utf8');
    if (committed !== markdown) {
      const a = committed.split('\n');
      const b = markdown.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      throw new Error(`${STALE_MESSAGE} (first difference at line ${(line === -1 ? a.length : line) + 1})`);
    }
  });

  it('has a section for every experience type and every condition kind, each with an example', () => {
    for (const type of EXPERIENCE_TYPES) {
      const section = sectionOf(type.charAt(0).toUpperCase() + type.slice(1));
      expect(section).toContain(`| \`type\` | \`"${type}"\` | yes |`);
      expect(section).toContain(`"type": "${type}"`);
    }
    for (const kind of CONDITION_KINDS) {
      const section = sectionOf(`Condition${kind.charAt(0).toUpperCase()}${kind.slice(1)}`);
      expect(section).toContain(`| \`${kind}\` |`);
      expect(section).toMatch(/```json\n\{\n {2}"/);
    }
  });

  it('lists every field of a definition with its type, default and description', () => {
    const section = sectionOf('TourStep');
    for (const key of Object.keys(tourStepSchema.shape)) expect(section).toContain(`| \`${key}\` |`);
    expect(section).toContain('| `title` | [Text](#text) | yes |  | The step title. |');
    expect(section).toContain('| `waitFor` | [Duration](#duration) |  | `"3s"` | How long to wait for a late target. |');
    expect(sectionOf('SpotlightOptions')).toContain('| `padding` | number ≥ 0 |  | `8` |');
  });

  it('escapes what would be markup or break a table', () => {
    expect(sectionOf('Checklist')).toContain('rendered inline where &lt;wm-checklist&gt; is placed');
    expect(markdown).not.toContain('<wm-');
    expect(typeOf({ anyOf: [{ type: 'string' }, { const: 'a|b' }] }, {})).toBe('string \\| `"a\\|b"`');
  });

  it('renders types readably', () => {
    expect(typeOf({ type: 'array', items: { $ref: '#/$defs/Id' }, minItems: 1 }, defs)).toBe('list of [Id](#id) (at least 1)');
    expect(typeOf({ type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 }, defs)).toBe('integer');
    expect(typeOf({ type: 'object', propertyNames: { $ref: '#/$defs/Locale' }, additionalProperties: { type: 'string' } }, defs)).toBe('{ [Locale](#locale): string }');
    expect(typeOf({ type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }] }, defs)).toBe('[number, number]');
  });
});
