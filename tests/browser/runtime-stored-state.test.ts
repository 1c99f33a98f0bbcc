/**
 * Stored progress older than this version is upgraded, not dropped, though the upgrade is code of its own that
 * only such a record loads (that state this version wrote never loads it is held on the build: tests/e2e/lazy-runtime.test.ts).
 */
import { expect } from '@open-wc/testing';
import { set } from 'idb-keyval';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import type { StateV0 } from '../../src/engine/index.js';
import { openDatabase, STATE_STORE } from '../../src/platform/store/database.js';
import { record, uniqueDb } from './helpers.js';

const DAY = 86_400_000;

const config: WaymarkConfig = {
  version: '1',
  experiences: [
    { id: 'welcome', type: 'tour', when: { event: 'never-sent' }, steps: [{ title: 'Welcome' }] },
    { id: 'done-before', type: 'tour', steps: [{ title: 'Seen it' }] },
  ],
};

async function storeRecord(dbName: string, userId: string, value: unknown): Promise<void> {
  const database = openDatabase(indexedDB, dbName, window);
  await set(`user:${userId}`, value, database.use(STATE_STORE));
  database.close();
}

describe('stored state from an older version', () => {
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
  });

  it('a pre-release (v0) record is upgraded through the lazily loaded upgrade: its progress is kept', async () => {
    const dbName = uniqueDb();
    const at = Date.now() - 2 * DAY;
    const v0: StateV0 = {
      version: 0,
      user: { id: 'u-v0', traits: { plan: 'pro' } },
      experiences: { 'done-before': { status: 'completed', shownCount: 1, lastShownAt: at } },
    };
    await storeRecord(dbName, 'u-v0', v0);
    wm = createWaymark({ config, user: { id: 'u-v0' }, storage: { dbName } });
    const warnings = record(wm, 'error');
    await wm.ready;
    expect(warnings.map((warning) => [warning.code, warning.message])).to.deep.include(['state-migrated', 'migrated stored state from v0 to v1']);
    const why = wm.why('done-before');
    // Fresh state would show it at once: the v0 record's show is what holds it back.
    expect(why?.eligible).to.equal(false);
    expect(why?.reason).to.match(/already shown/);
  });
});
