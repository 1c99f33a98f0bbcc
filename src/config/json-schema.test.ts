import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SCHEMA_ID, toJsonSchema } from './json-schema.js';

type JsonSchema = Record<string, unknown>;

/**
 * A small draft 2020-12 evaluator for the keywords zod emits (no validator library is a
 * dependency). Returns the JSON pointers of the instance that fail.
 */
function evaluate(root: JsonSchema, schema: JsonSchema | boolean, value: unknown, at = ''): string[] {
  if (schema === true) return [];
  if (schema === false) return [at];
  const fails: string[] = [];
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const target = (s.$ref as string).replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as JsonSchema)[key], root);
    fails.push(...evaluate(root, target as JsonSchema, value, at));
  }
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (s.type !== undefined) {
    const types = ([] as unknown[]).concat(s.type);
    const ok = types.some((t) => t === type || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && type === 'number'));
    if (!ok) return [...fails, at];
  }
  if (s.const !== undefined && s.const !== value) fails.push(at);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) fails.push(at);
  if (Array.isArray(s.anyOf) && !s.anyOf.some((option) => evaluate(root, option as JsonSchema, value, at).length === 0)) fails.push(at);
  if (Array.isArray(s.oneOf) && s.oneOf.filter((option) => evaluate(root, option as JsonSchema, value, at).length === 0).length !== 1) fails.push(at);
  if (Array.isArray(s.allOf)) for (const part of s.allOf) fails.push(...evaluate(root, part as JsonSchema, value, at));
  if (typeof value === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) fails.push(at);
    if (typeof s.minLength === 'number' && value.length < s.minLength) fails.push(at);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) fails.push(at);
    if (typeof s.maximum === 'number' && value > s.maximum) fails.push(at);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) fails.push(at);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) fails.push(at);
    const prefix = (s.prefixItems as JsonSchema[] | undefined) ?? [];
    value.forEach((item, i) => {
      const itemSchema = i < prefix.length ? prefix[i] : (s.items as JsonSchema | undefined);
      if (itemSchema !== undefined) fails.push(...evaluate(root, itemSchema, item, `${at}/${i}`));
    });
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (s.properties as Record<string, JsonSchema> | undefined) ?? {};
    for (const key of (s.required as string[] | undefined) ?? []) if (!Object.hasOwn(object, key)) fails.push(`${at}/${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (s.propertyNames) fails.push(...evaluate(root, s.propertyNames as JsonSchema, key, `${at}/${key}`));
      if (Object.hasOwn(properties, key)) fails.push(...evaluate(root, properties[key]!, item, `${at}/${key}`));
      else if (s.additionalProperties !== undefined) fails.push(...evaluate(root, s.additionalProperties as JsonSchema, item, `${at}/${key}`));
    }
  }
  return fails;
}

const schema = toJsonSchema();
const demo = JSON.parse(readFileSync(new URL('../../tests/unit/fixtures/demo-config.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('toJsonSchema', () => {
  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(schema.title).toBe('Waymark config');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('accepts the demo config', () => {
    expect(evaluate(schema, schema, demo)).toEqual([]);
  });

  it('rejects what the validator rejects: unknown keys, wrong types, unsafe links, bad ids', () => {
    const experiences = demo.experiences as Record<string, unknown>[];
    const withHint = (patch: Record<string, unknown>) => ({ ...demo, experiences: [{ ...experiences[1], ...patch }] });
    // Experiences sit in a union, so the evaluator reports the experience itself.
    expect(evaluate(schema, schema, withHint({}))).toEqual([]);
    for (const patch of [{ tittle: 'x' }, { priority: 'high' }, { id: 'has space' }, { buttons: [{ label: 'x', action: { type: 'url', url: 'javascript:alert(1)' } }] }]) {
      expect(evaluate(schema, schema, withHint(patch)), JSON.stringify(patch)).toEqual(['/experiences/0']);
    }
    expect(evaluate(schema, schema, { ...demo, themee: {} })).toEqual(['/themee']);
    expect(evaluate(schema, schema, { ...demo, limits: { minGap: 'soon' } })).toEqual(['/limits/minGap']);
    expect(evaluate(schema, schema, { ...demo, version: undefined })).toEqual(['/version']);
  });

  it('documents fields for the editor', () => {
    const props = schema.properties as Record<string, JsonSchema>;
    expect(props.experiences!.description).toBe('Tours, hints, beacons, checklists, nudges, announcements and surveys.');
    expect(props.version!.description).toContain('"1" or "1.x"');
  });

  it('has a description on every property of every object', () => {
    const missing: string[] = [];
    // A property is documented by its own description or by the definition it refers to.
    const described = (property: JsonSchema, hops = 0): boolean => {
      if (typeof property.description === 'string' && property.description.length > 3) return true;
      if (typeof property.$ref !== 'string' || hops > 8) return false;
      const target = (schema.$defs as Record<string, JsonSchema>)[property.$ref.replace('#/$defs/', '')];
      return target !== undefined && described(target, hops + 1);
    };
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${at}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const object = node as JsonSchema;
      if (object.properties && typeof object.properties === 'object') {
        for (const [key, property] of Object.entries(object.properties as Record<string, JsonSchema>)) {
          if (!described(property)) missing.push(`${at}/properties/${key}`);
        }
      }
      for (const [key, child] of Object.entries(object)) walk(child, `${at}/${key}`);
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
  });
});

describe('the browser bundle', () => {
  it('validates with zod/mini only: no classic zod, no JSON Schema generator', async () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
    // Files that contribute code to the output (tree-shaken modules count 0 bytes).
    const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs).filter(([, use]) => use.bytesInOutput > 0).map(([file]) => file),
    );
    expect(inputs.some((file) => file.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(inputs.filter((file) => file.includes('node_modules/zod/v4/classic/'))).toEqual([]);
    expect(inputs.filter((file) => file.includes('json-schema'))).toEqual([]);
  });
});
