// The demo's persistence: preferences and one workspace per simulated user, in localStorage
// (memory when storage is blocked). A real app would talk to its API here.

const PREFS_KEY = 'acme-demo:v1:prefs';
const workspaceKey = (userId) => `acme-demo:v1:workspace:${userId}`;

/** Wrap localStorage so a blocked or full storage degrades to memory instead of breaking the app. */
export function createKeyValue(win) {
  const memory = new Map();
  return {
    read(key) {
      try {
        const raw = win.localStorage.getItem(key);
        return raw === null ? (memory.get(key) ?? null) : JSON.parse(raw);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    write(key, value) {
      memory.set(key, value);
      try {
        win.localStorage.setItem(key, JSON.stringify(value));
      } catch {
        /* memory copy above keeps the session working */
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        win.localStorage.removeItem(key);
      } catch {
        /* nothing persisted */
      }
    },
  };
}

/** A tiny observable record: `get()`, `update(fn)`, `subscribe(fn)` → unsubscribe. */
function createRecord(kv, key, initial) {
  let value = kv.read(key) ?? initial();
  const listeners = new Set();
  const set = (next) => {
    value = next;
    kv.write(key, value);
    for (const listener of [...listeners]) listener(value);
  };
  return {
    get: () => value,
    update: (change) => set({ ...value, ...change(value) }),
    replace: set,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function createPreferences(kv, defaults) {
  const record = createRecord(kv, PREFS_KEY, () => ({ ...defaults }));
  // Preferences saved without a field (an older demo, or a script that set only the language) get its default.
  return { ...record, get: () => ({ ...defaults, ...record.get() }) };
}

export function createWorkspace(kv, userId, seed) {
  const record = createRecord(kv, workspaceKey(userId), seed);
  return { ...record, reset: () => record.replace(seed()) };
}

