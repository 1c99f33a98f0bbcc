/**
 * Reading stored state of any version, with every upgrade built in (for the engine's own API and the CLI). The
 * runtime reads through `readStoredState` and loads the upgrades only for a record that needs them.
 */
import { migrateV0 } from './migrate-v0.js';
import { readStoredState } from './read-state.js';
import type { UserState } from './state.js';

export type { StateV0 } from './migrate-v0.js';

/** Never throws, keeps every piece of progress it can validate, migrates v0; see read-state.ts. */
export function migrateState(raw: unknown, userId: string, at: number): { state: UserState; issues: string[] } {
  return readStoredState(raw, userId, at, migrateV0);
}
