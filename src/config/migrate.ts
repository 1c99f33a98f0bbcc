/**
 * Upgrades config documents written for an older format version, one major version at a
 * time, before validation. Version 1 is the first public format; the 0 → 1 step upgrades the
 * pre-release shape (`trigger` was renamed `when`) and keeps the mechanism exercised.
 */
import { issue, type ConfigIssue, type IssuePath } from './issues.js';

export type ConfigDocument = Record<string, unknown>;

export interface ConfigMigration {
  /** The major version this migration reads. */
  from: number;
  /** The major version it produces (`from + 1`). */
  to: number;
  /** Returns an upgraded copy; never mutates `doc`. Reports every change through `warn`. */
  migrate(doc: Readonly<ConfigDocument>, warn: (path: IssuePath, message: string) => void): ConfigDocument;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Renames a key on a copy, keeping the key order. */
function renameKey(object: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) out[key === from ? to : key] = value;
  return out;
}

export const CONFIG_MIGRATIONS: readonly ConfigMigration[] = [
  {
    from: 0,
    to: 1,
    migrate(doc, warn) {
      const experiences = Array.isArray(doc.experiences)
        ? doc.experiences.map((experience: unknown, index) => {
            if (!isObject(experience) || !Object.hasOwn(experience, 'trigger')) return experience;
            if (Object.hasOwn(experience, 'when')) return experience; // both present: leave it to the validator
            warn(['experiences', index, 'trigger'], '"trigger" was renamed "when" in version 1; read as "when"');
            return renameKey(experience, 'trigger', 'when');
          })
        : doc.experiences;
      return { ...doc, version: '1', experiences };
    },
  },
];

/** The major version of a version string: `"1"` → 1, `"1.4"` → 1; `undefined` when malformed. */
export function majorVersion(version: unknown): number | undefined {
  if (typeof version !== 'string') return undefined;
  const match = /^(\d{1,4})(?:\.\d{1,4})?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

/**
 * Upgrade `doc` from its major version to `target`, one step at a time. Each change is a
 * warning; a missing step is an error and leaves `doc` as it was (`ok: false`).
 */
export function migrateConfig(
  doc: Readonly<ConfigDocument>,
  target: number,
  migrations: readonly ConfigMigration[] = CONFIG_MIGRATIONS,
): { doc: ConfigDocument; issues: ConfigIssue[]; ok: boolean } {
  const issues: ConfigIssue[] = [];
  let current: ConfigDocument = { ...doc };
  let version = majorVersion(doc.version);
  if (version === undefined) {
    return { doc: current, ok: false, issues: [issue('error', 'invalid-version', ['version'], `expected a version like "1" or "1.2", got ${JSON.stringify(doc.version)}`)] };
  }
  const from = version;
  while (version < target) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) {
      issues.push(issue('error', 'unsupported-version', ['version'], `this config is version ${from} and cannot be upgraded to version ${target} (no migration from version ${version})`));
      return { doc: { ...doc }, issues, ok: false };
    }
    current = step.migrate(current, (path, message) => issues.push(issue('warning', 'migrated', path, message)));
    version = step.to;
  }
  if (from < target) {
    issues.unshift(issue('warning', 'migrated', ['version'], `this config is version ${from}; it was upgraded to version ${target}. Update the file to silence these warnings`));
  }
  return { doc: current, issues, ok: true };
}
