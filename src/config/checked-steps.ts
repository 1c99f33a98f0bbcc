/**
 * `trustChecked` a piece at a time, for large configs: hashing 20 MB of JSON is half a second of main-thread work.
 * Loaded only for large configs, so the small checked ones of every first load pay nothing for it.
 */
import type * as Checked from './checked.js';
import type { WaymarkConfig } from './types.js';

/**
 * The pieces of checked.ts this works with, given by the caller (who has them already): a module shared with this
 * lazily loaded one would become a chunk (a request) of its own in an app's bundle.
 */
export type CheckedTools = Pick<typeof Checked, 'checkedParts' | 'contentHash' | 'fnv1a' | 'formatHash' | 'FNV_OFFSET'>;

/** Characters hashed per step. */
const HASH_CHARS_PER_STEP = 128 * 1024;

/** What `trustChecked(raw)` returns, one bounded step per `next()`. */
export function* trustCheckedInSteps(raw: unknown, checked: CheckedTools): Generator<void, WaymarkConfig | null, void> {
  const parts = checked.checkedParts(raw);
  if (!parts) return null;
  const hash = yield* contentHashInSteps(parts.config, checked);
  return hash === parts.hash ? (parts.config as unknown as WaymarkConfig) : null;
}

/**
 * `contentHash(config)`, from `JSON.stringify` of one member or list item at a time, joined exactly as
 * `JSON.stringify` joins them. A `toJSON` method anywhere at those levels would be called with another key than
 * in one piece: such a config is hashed in one piece.
 */
export function* contentHashInSteps(config: Record<string, unknown>, { contentHash, fnv1a, formatHash, FNV_OFFSET }: CheckedTools): Generator<void, string, void> {
  const keys = Object.keys(config);
  const lists = keys.map((key) => config[key]);
  if (hasToJSON(config) || lists.some((value) => hasToJSON(value) || (Array.isArray(value) && value.some(hasToJSON)))) return contentHash(config);
  let hash = FNV_OFFSET;
  let length = 0;
  function* add(text: string): Generator<void, void, void> {
    for (let from = 0; from < text.length; from += HASH_CHARS_PER_STEP) {
      hash = fnv1a(hash, text, from, Math.min(text.length, from + HASH_CHARS_PER_STEP));
      if (text.length > HASH_CHARS_PER_STEP) yield;
    }
    length += text.length;
  }
  yield* add('{');
  let members = 0;
  for (const [index, key] of keys.entries()) {
    const value = lists[index];
    if (!Array.isArray(value)) {
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) continue;
      yield* add(`${members++ ? ',' : ''}${JSON.stringify(key)}:${json}`);
      continue;
    }
    yield* add(`${members++ ? ',' : ''}${JSON.stringify(key)}:[`);
    for (let item = 0; item < value.length; item++) {
      yield* add(`${item ? ',' : ''}${(JSON.stringify(value[item]) as string | undefined) ?? 'null'}`);
      yield;
    }
    yield* add(']');
  }
  yield* add('}');
  return formatHash(hash, length);
}

function hasToJSON(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
