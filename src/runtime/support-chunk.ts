/** Help, chat handoff and the resource center as one lazy chunk (support-loading.ts decides when it loads). */
export { createSupport } from './support.js';
export { createResourceCenterWiring } from './resource-center.js';
