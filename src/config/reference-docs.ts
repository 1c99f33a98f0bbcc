/**
 * The config reference (`docs/reference/config.md`) rendered from the JSON Schema, so the docs
 * say exactly what the validator and the editor know: every experience type, condition kind,
 * action and shared type, each field with its type, default and description, and the schema's
 * examples. Pure: JSON Schema in, Markdown out. `scripts/docs.mjs` writes the file; a test
 * fails when the committed file differs from what this renders.
 */

type JsonObject = Record<string, unknown>;

export const REFERENCE_DOCS_PATH = 'docs/reference/config.md';
export const STALE_MESSAGE = `${REFERENCE_DOCS_PATH} is stale: run node scripts/docs.mjs`;

interface Section {
  heading: string;
  intro: string;
  ids: string[];
  /** The union the section lists (`Experience`): fields of that type link to the section. */
  union?: string;
}

export function renderReferenceDocs(schema: JsonObject): string {
  const defs = (schema.$defs ?? {}) as Record<string, JsonObject>;
  const optionsOf = (id: string): string[] => {
    const def = defs[id];
    const options = (def?.oneOf ?? def?.anyOf ?? []) as JsonObject[];
    return options.map((option) => refId(option)).filter((ref): ref is string => ref !== undefined);
  };
  const experiences = optionsOf('Experience');
  const conditions = optionsOf('Condition');
  const actions = optionsOf('Action');
  const grouped = new Set(['Experience', 'Condition', 'Action', ...experiences, ...conditions, ...actions]);
  const sections: Section[] = [
    { heading: 'Experiences', intro: describe(defs.Experience), ids: experiences, union: 'Experience' },
    { heading: 'Conditions', intro: describe(defs.Condition), ids: conditions, union: 'Condition' },
    { heading: 'Actions', intro: describe(defs.Action), ids: actions, union: 'Action' },
    { heading: 'Shared types', intro: 'Types that several fields use, in the order the schema first meets them.', ids: Object.keys(defs).filter((id) => !grouped.has(id)) },
  ];

  const out: string[] = [];
  out.push('# Waymark config reference', '');
  out.push(
    '<!-- Generated from the config JSON Schema by `node scripts/docs.mjs`. Do not edit by hand: change src/config/descriptions.ts (texts) or src/config/schema.ts (shape) and regenerate. -->',
    '',
  );
  out.push(escapeText(describe(schema)), '');
  out.push(
    `Editors complete and document every field when a config points at the schema: \`"$schema": "./node_modules/waymark/dist/waymark.schema.json"\`. Check a config with \`npx waymark validate config.json\`.`,
    '',
  );
  out.push('## Contents', '');
  out.push('- [Top level](#top-level)');
  for (const section of sections) {
    out.push(`- [${section.heading}](#${slug(section.heading)})`);
    for (const id of section.ids) out.push(`  - [${titleOf(defs, id)}](#${anchor(id)})`);
  }
  out.push('');

  out.push('## Top level', '');
  out.push(...fieldTable(schema, defs), '');
  out.push(...examples(schema));

  for (const section of sections) {
    if (section.union) out.push(`<a id="${anchor(section.union)}"></a>`, '');
    out.push(`## ${section.heading}`, '');
    if (section.intro) out.push(escapeText(section.intro), '');
    for (const id of section.ids) out.push(...definition(id, defs[id]!, defs));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function definition(id: string, def: JsonObject, defs: Record<string, JsonObject>): string[] {
  const out = [`<a id="${anchor(id)}"></a>`, '', `### ${titleOf(defs, id)}`, ''];
  if (def.description) out.push(escapeText(describe(def)), '');
  if (isObjectWithFields(def)) out.push(...fieldTable(def, defs), '');
  else out.push(`Type: ${typeOf(def, defs)}`, '');
  out.push(...examples(def));
  return out;
}

function fieldTable(def: JsonObject, defs: Record<string, JsonObject>): string[] {
  const properties = (def.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((def.required ?? []) as string[]);
  const rows = ['| Field | Type | Required | Default | Description |', '| --- | --- | --- | --- | --- |'];
  for (const [key, property] of Object.entries(properties)) {
    const fallback = 'default' in property ? `\`${escapeCell(JSON.stringify(property.default))}\`` : '';
    rows.push(`| \`${key}\` | ${typeOf(property, defs)} | ${required.has(key) ? 'yes' : ''} | ${fallback} | ${escapeCell(describe(property))} |`);
  }
  if (def.additionalProperties === false) rows.push('', 'No other fields are allowed.');
  return rows;
}

function examples(def: JsonObject): string[] {
  const list = (def.examples ?? []) as unknown[];
  if (list.length === 0) return [];
  const out = [list.length === 1 ? 'Example:' : 'Examples:', ''];
  for (const example of list) out.push('```json', JSON.stringify(example, null, 2), '```', '');
  return out;
}

/** A short, linked type: `[Text](#text)`, `"a" \| "b"`, `integer ≥ 1`, `[Button](#button)[]`. */
export function typeOf(node: JsonObject, defs: Record<string, JsonObject>): string {
  const ref = refId(node);
  if (ref !== undefined) return `[${titleOf(defs, ref)}](#${anchor(ref)})`;
  if ('const' in node) return `\`${escapeCell(JSON.stringify(node.const))}\``;
  if (Array.isArray(node.enum)) return node.enum.map((value) => `\`${escapeCell(JSON.stringify(value))}\``).join(' \\| ');
  const union = (node.anyOf ?? node.oneOf) as JsonObject[] | undefined;
  if (union) return union.map((option) => typeOf(option, defs)).join(' \\| ');
  const type = node.type;
  if (Array.isArray(type)) return type.join(' \\| ');
  switch (type) {
    case 'array': {
      if (Array.isArray(node.prefixItems)) return `[${(node.prefixItems as JsonObject[]).map((item) => typeOf(item, defs)).join(', ')}]`;
      const items = node.items as JsonObject | undefined;
      const min = typeof node.minItems === 'number' ? node.minItems : 0;
      const max = typeof node.maxItems === 'number' ? node.maxItems : undefined;
      const size = max !== undefined ? ` (${min}–${max})` : min > 0 ? ` (at least ${min})` : '';
      return `list of ${items ? typeOf(items, defs) : 'any'}${size}`;
    }
    case 'object': {
      if (node.properties) return 'object';
      const value = node.additionalProperties as JsonObject | undefined;
      const key = node.propertyNames ? typeOf(node.propertyNames as JsonObject, defs) : 'string';
      return `{ ${key}: ${value ? typeOf(value, defs) : 'any'} }`;
    }
    case 'integer':
    case 'number': {
      // zod states the safe-integer range on every integer: not worth printing.
      const shown = (bound: unknown): bound is number => typeof bound === 'number' && Math.abs(bound) < Number.MAX_SAFE_INTEGER;
      const bounds = [shown(node.minimum) ? `≥ ${node.minimum}` : '', shown(node.maximum) ? `≤ ${node.maximum}` : ''].filter(Boolean);
      return [type, ...bounds].join(' ');
    }
    case 'string':
      if (typeof node.pattern === 'string') return `string matching \`${escapeCell(node.pattern)}\``;
      return node.minLength === 1 ? 'non-empty string' : 'string';
    case undefined:
      return 'any';
    default:
      return String(type);
  }
}

function isObjectWithFields(def: JsonObject): boolean {
  return def.type === 'object' && typeof def.properties === 'object';
}

function refId(node: JsonObject): string | undefined {
  return typeof node.$ref === 'string' && node.$ref.startsWith('#/$defs/') ? node.$ref.slice('#/$defs/'.length) : undefined;
}

function titleOf(defs: Record<string, JsonObject>, id: string): string {
  const title = defs[id]?.title;
  return typeof title === 'string' ? title : id;
}

function describe(node: JsonObject | undefined): string {
  return typeof node?.description === 'string' ? node.description : '';
}

function anchor(id: string): string {
  return id.toLowerCase();
}

/** GitHub's heading anchor for a plain one-word heading. */
function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/** Text from the schema is never markup: `<wm-checklist>` must show as written. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
