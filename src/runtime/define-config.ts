import type { WaymarkConfig } from '../config/types.js';

/**
 * Returns the config unchanged: it exists so a config kept in its own module
 * (`export default defineConfig({ … })`) is type-checked and autocompleted where it is written,
 * not only where it reaches `createWaymark()`. Validation still runs when Waymark loads it.
 */
export function defineConfig(config: WaymarkConfig): WaymarkConfig {
  return config;
}
