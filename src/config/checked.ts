/**
 * The checked form of a config: what `waymark validate --out` writes after a full validation, so the
 * browser can trust it after a cheap structural guard instead of loading the validator. The marker
 * names the schema version it was checked against and a hash of the content, so a file edited by
 * hand after the check (or checked by another schema version) is validated again in full.
 *
 * This module must stay small: it is on every page's first load (no zod, nothing of validate.ts).
 */
import type { WaymarkConfig } from './types.js';

export const CHECKED_KEY = '$checked';
/** The config schema version this runtime's checked forms are valid for (kept equal to `CONFIG_VERSION` by a test). */
export const CHECKED_SCHEMA_VERSION = '1';

export interface CheckedMark {
  by: 'waymark';
  version: string;
  /** `contentHash` of the document without its mark. */
  hash: string;
}

/** FNV-1a (32 bit) of the document's JSON and its length: a change detector, not a signature. */
export function contentHash(config: unknown): string {
  const text = JSON.stringify(config);
  return formatHash(fnv1a(FNV_OFFSET, text, 0, text.length), text.length);
}

export const FNV_OFFSET = 0x811c9dc5;

/** `hash` continued over `text[from, to)`: hashing a text in pieces gives the hash of the whole. */
export function fnv1a(hash: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

export function formatHash(hash: number, length: number): string {
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${length.toString(36)}`;
}

/** The checked form of a config that passed full validation, as compact JSON. */
export function toChecked(config: WaymarkConfig): string {
  const mark: CheckedMark = { by: 'waymark', version: CHECKED_SCHEMA_VERSION, hash: contentHash(config) };
  return JSON.stringify({ [CHECKED_KEY]: mark, ...config });
}

/**
 * The config inside a checked form, or null when `raw` is not one (or not one this runtime trusts: another schema
 * version, content changed since the check, or a shape no validated config has). Cheap: one JSON pass.
 */
export function trustChecked(raw: unknown): WaymarkConfig | null {
  const parts = checkedParts(raw);
  return parts && contentHash(parts.config) === parts.hash ? (parts.config as unknown as WaymarkConfig) : null;
}

/** A checked form's config and the hash its mark states, when everything but the hash is as this runtime trusts. */
export function checkedParts(raw: unknown): { config: Record<string, unknown>; hash: string } | null {
  if (!isRecord(raw) || !Object.hasOwn(raw, CHECKED_KEY)) return null;
  const { [CHECKED_KEY]: mark, ...config } = raw;
  if (!isRecord(mark) || mark.by !== 'waymark' || mark.version !== CHECKED_SCHEMA_VERSION || typeof mark.hash !== 'string') return null;
  if (config.version !== CHECKED_SCHEMA_VERSION || !Array.isArray(config.experiences)) return null;
  for (const experience of config.experiences) {
    if (!isRecord(experience) || typeof experience.id !== 'string' || typeof experience.type !== 'string') return null;
  }
  return { config, hash: mark.hash };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
