import { createBackoff } from './backoff.js';
import type { FetchRemoteOptions, RemoteAdapter } from './types.js';

/** Browsers refuse `keepalive` bodies above 64 KiB; below that, a save started on `pagehide` survives the unload. */
const KEEPALIVE_LIMIT = 60_000;

/** A non-2xx answer, as data. */
export class RemoteHttpError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly url: string,
  ) {
    super(`${method} ${url} answered ${status}`);
    this.name = 'RemoteHttpError';
  }
}

/**
 * A `RemoteAdapter` over plain HTTP: GET/PUT/DELETE `${url}/${encodeURIComponent(key)}` with a JSON body.
 *
 * `save` keeps only the latest state per key. If a PUT fails (offline, 5xx), the promise rejects and the
 * latest state is retried with backoff and on `online` until it lands or a newer `save` replaces it. Requests
 * go out one at a time, so an older state never overtakes a newer one on the wire.
 */
export function fetchRemoteAdapter<T>(options: FetchRemoteOptions): RemoteAdapter<T> & { dispose(): void } {
  const win = options.window ?? (globalThis as unknown as Window);
  const send: typeof fetch = options.fetch ?? ((input, init) => win.fetch(input, init));
  const base = options.url.replace(/\/+$/, '');
  const endpoint = (key: string) => `${base}/${encodeURIComponent(key)}`;
  /** The latest state per key that the server has not confirmed yet. */
  const unsaved = new Map<string, T>();
  let line: Promise<unknown> = Promise.resolve();
  let disposed = false;
  const retry = createBackoff({ window: win, ...options.retry, run: () => void drain().catch(() => undefined) });

  /** Run requests one after another. */
  function inLine<R>(request: () => Promise<R>): Promise<R> {
    const result = line.then(request);
    line = result.catch(() => undefined);
    return result;
  }

  async function request(method: string, key: string, body?: string): Promise<Response> {
    const url = endpoint(key);
    const response = await send(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body,
      keepalive: body === undefined || body.length < KEEPALIVE_LIMIT,
    });
    if (!response.ok && response.status !== 404) throw new RemoteHttpError(response.status, method, url);
    return response;
  }

  /** PUT the latest unsaved state for `key`, if there still is one. */
  async function saveLatest(key: string): Promise<void> {
    const state = unsaved.get(key);
    if (state === undefined) return;
    const response = await request('PUT', key, JSON.stringify(state));
    if (response.status === 404) throw new RemoteHttpError(404, 'PUT', endpoint(key));
    // A newer save may have arrived meanwhile; it stays queued.
    if (unsaved.get(key) === state) unsaved.delete(key);
  }

  async function drain(): Promise<void> {
    if (disposed) return;
    try {
      for (const key of [...unsaved.keys()]) await inLine(() => saveLatest(key));
      retry.succeeded();
    } catch (error) {
      retry.failed();
      throw error;
    }
  }

  return {
    async load(key) {
      const response = await inLine(() => request('GET', key));
      if (response.status === 404) return undefined;
      const text = await response.text();
      return text.trim() === '' ? undefined : (JSON.parse(text) as T);
    },

    async save(key, state) {
      unsaved.set(key, state);
      try {
        await inLine(() => saveLatest(key));
        retry.succeeded();
        // Another key may still be waiting for a retry that `succeeded()` just cancelled.
        if (unsaved.size > 0) void drain().catch(() => undefined);
      } catch (error) {
        retry.failed();
        throw error;
      }
    },

    async delete(key) {
      unsaved.delete(key);
      await inLine(() => request('DELETE', key));
    },

    dispose() {
      disposed = true;
      retry.dispose();
    },
  };
}
