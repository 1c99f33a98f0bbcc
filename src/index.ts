export type * from './config/index.js';
export type * from './engine/index.js';
