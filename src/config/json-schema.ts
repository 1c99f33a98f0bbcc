/**
 * The config document as a JSON Schema (draft 2020-12) for editors: point a config at it with
 * `"$schema": "./waymark.schema.json"` and VS Code completes and documents every field.
 * Generated from the same zod/mini schemas the validator uses, so the two cannot disagree.
 * Only Node tooling (the CLI, scripts/schema.mjs) imports this module.
 */
import * as z from 'zod/mini';
import { configSchema } from './schema.js';
import { CONFIG_VERSION } from './validate.js';

export const SCHEMA_ID = `urn:waymark:config:v${CONFIG_VERSION}`;

export function toJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(configSchema, { target: 'draft-2020-12', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'Waymark config',
    description: `A Waymark config document, format version ${CONFIG_VERSION}: journey stages, experiences (tours, hints, beacons, checklists, nudges, announcements, surveys), knowledge-base articles and chat settings.`,
    ...schema,
  };
}
