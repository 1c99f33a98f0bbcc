/** Conditions' view of the world: the persisted state plus this tab's session facts. */
import type { ExperienceStatus } from '../config/types.js';
import type { Catalog } from './catalog.js';
import type { ElementFact, StruggleFact, World } from './conditions.js';
import type { Json } from './contract.js';
import { own, sumCounter, type EventEntry, type StageValue, type UserState } from './state.js';
import type { Location } from './url.js';

const NO_EVENTS: readonly EventEntry[] = Object.freeze([]);

export class Facts implements World {
  at = 0;
  horizon = Infinity;
  location: Location | null = null;
  locationKey = '';
  pageSince: number | null = null;
  sessionSince: number | null = null;
  idleSince: number | null = null;
  struggles: StruggleFact[] = [];
  readonly elements = new Map<string, ElementFact>();
  readonly clicks = new Set<string>();
  private readonly counts = new Map<string, number>();

  constructor(
    public state: UserState,
    private readonly catalog: Catalog,
    private readonly status: (id: string, status: ExperienceStatus) => boolean,
    private readonly describe: (id: string) => string,
  ) {}

  get userId(): string {
    return this.state.userId;
  }
  get stage(): StageValue {
    return this.state.stage.v;
  }
  get visited(): Record<string, number> {
    return this.state.visited;
  }
  stageIndex(id: string | null): number {
    return id === null ? -1 : (this.catalog.stageIndex.get(id) ?? -1);
  }
  eventCount(name: string): number {
    let count = this.counts.get(name);
    if (count === undefined) {
      const log = own(this.state.events, name);
      count = log ? sumCounter(log.counts) : 0;
      this.counts.set(name, count);
    }
    return count;
  }
  eventLog(name: string): readonly EventEntry[] {
    return own(this.state.events, name)?.recent ?? NO_EVENTS;
  }
  forgetCounts(name?: string): void {
    if (name === undefined) this.counts.clear();
    else this.counts.delete(name);
  }
  trait(name: string): Json | undefined {
    return own(this.state.traits, name)?.v;
  }
  element(key: string): ElementFact | undefined {
    return this.elements.get(key);
  }
  clicked(key: string): boolean {
    return this.clicks.has(key);
  }
  experienceIs(id: string, status: ExperienceStatus): boolean {
    return this.status(id, status);
  }
  describeExperience(id: string): string {
    return this.describe(id);
  }
}
