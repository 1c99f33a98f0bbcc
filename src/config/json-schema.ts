/**
 * The config document as a JSON Schema (draft 2020-12) for editors: point a config at it with
 * `"$schema": "./waymark.schema.json"` and VS Code completes and documents every field.
 * Generated from the same zod/mini schemas the validator uses, so the two cannot disagree;
 * the documentation comes from `descriptions.ts`, attached here through a registry local to
 * each call (zod's global registry is never touched). Only Node tooling imports this module.
 */
import * as z from 'zod/mini';
import { configSchema } from './schema.js';
import { CONFIG_VERSION } from './validate.js';
import { ROOT_ID, schemaDefinitions, type FieldDoc } from './descriptions.js';

export const SCHEMA_ID = `urn:waymark:config:v${CONFIG_VERSION}`;

type JsonObject = Record<string, unknown>;

export function toJsonSchema(): JsonObject {
  const definitions = schemaDefinitions();
  const metadata = z.registry<JsonObject>();
  for (const definition of definitions) {
    if (definition.id === ROOT_ID) continue;
    metadata.add(definition.schema, {
      id: definition.id,
      title: definition.title,
      description: definition.description,
      ...(definition.examples ? { examples: definition.examples } : {}),
    });
  }
  const { $schema, ...generated } = z.toJSONSchema(configSchema, { target: 'draft-2020-12', unrepresentable: 'any', reused: 'ref', metadata }) as JsonObject;
  const root = definitions.find((definition) => definition.id === ROOT_ID)!;
  const schema: JsonObject = {
    $schema,
    $id: SCHEMA_ID,
    title: root.title,
    description: `${root.description.replace(/\.$/, '')}. Format version ${CONFIG_VERSION}.`,
    ...(root.examples ? { examples: root.examples } : {}),
    ...generated,
  };
  // Field docs go on the property, not on the shared definition it may refer to, so `title`
  // under a tour step and under an announcement each say what they mean there.
  const defs = (schema.$defs ?? {}) as Record<string, JsonObject>;
  for (const definition of definitions) {
    if (!definition.fields) continue;
    const node = definition.id === ROOT_ID ? schema : defs[definition.id];
    const properties = node?.properties as Record<string, JsonObject> | undefined;
    if (!properties) throw new Error(`json-schema: the definition ${definition.id} is not an object in the generated schema`);
    for (const [key, doc] of Object.entries(definition.fields)) {
      properties[key] = { ...properties[key], ...fieldKeywords(doc) };
    }
  }
  return schema;
}

function fieldKeywords(doc: FieldDoc): JsonObject {
  return typeof doc === 'string' ? { description: doc } : { description: doc.description, default: doc.default };
}
