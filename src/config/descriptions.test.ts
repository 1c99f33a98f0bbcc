import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import * as S from './schema.js';
import { validateConfig } from './validate.js';
import { ROOT_ID, schemaDefinitions, type Definition } from './descriptions.js';
import { toJsonSchema } from './json-schema.js';

type JsonObject = Record<string, unknown>;

const definitions = schemaDefinitions();
const schema = toJsonSchema();
const defs = schema.$defs as Record<string, JsonObject>;
const isZodSchema = (value: unknown): value is z.core.$ZodType => typeof value === 'object' && value !== null && '_zod' in value;
const zodSchemas = (Object.values(S) as unknown[]).filter(isZodSchema);

describe('schema descriptions', () => {
  it('registers nothing in zod\'s global registry, even after exporting the JSON Schema', () => {
    expect(zodSchemas.length).toBeGreaterThan(40);
    expect(zodSchemas.filter((s) => z.globalRegistry.has(s))).toEqual([]);
    expect(z.globalRegistry._idmap.size).toBe(0);
  });

  it('names every definition: no anonymous $defs, each with a title and a description', () => {
    expect(Object.keys(defs).filter((id) => id.startsWith('__'))).toEqual([]);
    for (const [id, def] of Object.entries(defs)) {
      expect(typeof def.title, id).toBe('string');
      expect(typeof def.description, id).toBe('string');
    }
    const ids = definitions.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id !== ROOT_ID && !Object.hasOwn(defs, id))).toEqual([]);
  });

  it('puts field docs on the property, so a shared definition reads right in each place', () => {
    const tourStep = defs.TourStep!.properties as Record<string, JsonObject>;
    const announcement = defs.Announcement!.properties as Record<string, JsonObject>;
    expect(tourStep.title).toEqual({ $ref: '#/$defs/Text', description: 'The step title.' });
    expect(announcement.title).toEqual({ $ref: '#/$defs/Text', description: 'The title.' });
    expect((defs.SpotlightOptions!.properties as Record<string, JsonObject>).padding).toMatchObject({ type: 'number', minimum: 0, default: 8 });
  });

  it('gives defaults that the field itself accepts', () => {
    let checked = 0;
    for (const definition of definitions) {
      const shape = (definition.schema as unknown as { shape?: Record<string, z.core.$ZodType> }).shape;
      for (const [key, doc] of Object.entries(definition.fields ?? {})) {
        if (typeof doc === 'string') continue;
        checked++;
        expect(z.safeParse(shape![key]!, doc.default).success, `${definition.id}.${key} = ${JSON.stringify(doc.default)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('has examples the validator accepts', () => {
    const withExamples = definitions.filter((d): d is Definition & { examples: unknown[] } => d.examples !== undefined);
    for (const definition of withExamples) {
      for (const example of definition.examples) {
        const result = z.safeParse(definition.schema, example);
        expect(result.success, `${definition.id}: ${JSON.stringify(example)}`).toBe(true);
      }
    }
    // Each experience type and condition kind has one, and experiences pass the whole validator.
    const experienceIds = ['Tour', 'Hint', 'Beacon', 'Checklist', 'Nudge', 'Announcement', 'Survey'];
    const conditionIds = S.CONDITION_KINDS.map((kind) => `Condition${kind.charAt(0).toUpperCase()}${kind.slice(1)}`);
    for (const id of [...experienceIds, ...conditionIds]) expect(withExamples.map((d) => d.id), id).toContain(id);
    const experiences = withExamples.filter((d) => experienceIds.includes(d.id)).flatMap((d) => d.examples);
    const stages = [{ id: 'new' }, { id: 'activated' }];
    const { issues } = validateConfig({ version: '1', stages, experiences });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('the validator bundle', () => {
  it('carries none of the descriptions', async () => {
    const entry = fileURLToPath(new URL('./validate.ts', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]!.text;
    const texts = definitions.flatMap((d) => [d.description, ...Object.values(d.fields ?? {}).map((doc) => (typeof doc === 'string' ? doc : doc.description))]);
    // Long enough not to collide with the validator's own messages.
    const distinctive = [...new Set(texts.filter((text) => text.length > 24 && !Object.values(S.EXPECTED).some((expected) => expected.includes(text.replace(/\.$/, '').toLowerCase()))))];
    expect(distinctive.length).toBeGreaterThan(150);
    expect(distinctive.filter((text) => code.includes(text))).toEqual([]);
  });
});
