export type * from './types.js';
export { parseDuration } from './duration.js';
