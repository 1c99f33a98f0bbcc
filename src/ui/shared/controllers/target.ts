/**
 * Finding a component's target through the injected resolver: at once, or after a bounded wait
 * that observes the DOM. A generation counter says whether an answer still matters: `restart()`
 * (a new experience or step) and leaving the page make every find in flight stale and abort its wait.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Target } from '../../../config/types.js';
import type { TargetResolver } from '../context.js';

export class TargetController implements ReactiveController {
  private generation = 0;
  /** The waits in flight, aborted on restart. */
  private readonly waits = new Set<AbortController>();
  /** The element found by the current generation (null while waiting or when missing). */
  element: Element | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Start over: what is in flight is stale. Returns the new generation, to check with `isCurrent` after each await. */
  restart(): number {
    for (const abort of this.waits) abort.abort();
    this.waits.clear();
    this.element = null;
    return ++this.generation;
  }

  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  /** The target now (synchronously), or null. */
  resolve(resolver: TargetResolver, target: Target): Element | null {
    this.element = resolver.resolve(target);
    return this.element;
  }

  /** Wait (bounded) for the target; aborted by the next `restart()` or when the host leaves the page. */
  async wait(resolver: TargetResolver, target: Target, timeoutMs: number): Promise<Element | null> {
    const generation = this.generation;
    const abort = new AbortController();
    this.waits.add(abort);
    const found = await resolver.wait(target, timeoutMs, abort.signal);
    this.waits.delete(abort);
    if (generation !== this.generation) return null;
    this.element = found;
    return found;
  }

  hostDisconnected(): void {
    this.restart();
  }
}
