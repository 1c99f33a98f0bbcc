/**
 * Whether survey answers from an earlier page still wait in the durable outbox. The outbox itself is a lazy chunk
 * (answers.ts) that only survey configs load; every other page asks this one cheap question so an answer given
 * offline, or in a tab closed before it went out, is still delivered by the next page, whatever its config.
 */
import { promisifyRequest } from 'idb-keyval';
import { DEFAULT_DB_NAME, OUTBOX_STORE, openDatabase } from '../platform/store/database.js';

/** The outbox queue survey answers wait in (one per database, shared by every tab and user of it). */
export const ANSWER_QUEUE = 'survey-answers';

/** Resolves `false` when nothing waits or IndexedDB cannot say (then there is nothing durable to deliver either). */
export async function hasHeldAnswers(win: Window, dbName = DEFAULT_DB_NAME): Promise<boolean> {
  const factory = win.indexedDB;
  if (!factory) return false;
  const database = openDatabase(factory, dbName, win);
  try {
    // Records are keyed `[queue, id]`; array keys sort after strings, so `[queue, []]` is above every id.
    const range = (win as Window & typeof globalThis).IDBKeyRange.bound([ANSWER_QUEUE], [ANSWER_QUEUE, []]);
    const count = await database.use(OUTBOX_STORE)('readonly', (store) => promisifyRequest(store.count(range)));
    return count > 0;
  } catch {
    return false;
  } finally {
    database.close();
  }
}
