/**
 * A small typed emitter. Listeners are snapshotted before each emit, so a listener that
 * unsubscribes (or subscribes) while an event is delivered never skips or doubles another;
 * a listener that throws is reported and never stops the others.
 */
export class Emitter<EventMap extends object> {
  private readonly listeners = new Map<keyof EventMap, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown, type: string) => void) {}

  on<K extends keyof EventMap>(type: K, listener: (payload: EventMap[K]) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => void set.delete(entry);
  }

  emit<K extends keyof EventMap>(type: K, payload: EventMap[K]): void {
    const set = this.listeners.get(type);
    if (!set || set.size === 0) return;
    for (const listener of [...set]) {
      try {
        (listener as (payload: EventMap[K]) => void)(payload);
      } catch (error) {
        if (type === 'error') continue; // a throwing error listener must not loop
        this.onListenerError(error, String(type));
      }
    }
  }

  has(type: keyof EventMap): boolean {
    return (this.listeners.get(type)?.size ?? 0) > 0;
  }

  clear(): void {
    this.listeners.clear();
  }
}
