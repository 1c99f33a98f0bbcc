/** The demo's own config (examples/waymark.config.json, as `npm start` serves it), for tests that use its experiences as written. */
import type { Article, Experience, WaymarkConfig } from '../../../src/config/types.js';

export interface DemoConfig extends WaymarkConfig {
  experiences: Experience[];
  articles: Article[];
}

let loaded: Promise<DemoConfig> | undefined;

export async function demoConfig(): Promise<DemoConfig> {
  loaded ??= fetch('/examples/waymark.config.json').then((response) => response.json() as Promise<DemoConfig>);
  return structuredClone(await loaded);
}

/** One of the demo's experiences, shown as soon as it is asked for: its trigger, stages and frequency are the demo's business. */
export async function demoExperience<T extends Experience>(id: string): Promise<T> {
  const found = (await demoConfig()).experiences.find((experience) => experience.id === id);
  if (!found) throw new Error(`the demo config has no experience ${id}`);
  const { when: _when, stages: _stages, frequency: _frequency, ...rest } = found as Experience & { when?: unknown; stages?: unknown; frequency?: unknown };
  return rest as T;
}
