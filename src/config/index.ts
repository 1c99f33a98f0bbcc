export type * from './types.js';
export { parseDuration, DURATION_PATTERN } from './duration.js';
export { validateConfig, CONFIG_VERSION, CONFIG_LIMITS, type ConfigValidation } from './validate.js';
export type { ConfigIssue, IssuePath } from './issues.js';
export { formatPath } from './issues.js';
export { migrateConfig, CONFIG_MIGRATIONS, type ConfigMigration, type ConfigDocument } from './migrate.js';
export { parseRichText, findUnsafeLinks, richTextToPlain, isSafeUrl, localize, SAFE_URL_PATTERN } from './rich-text.js';
export type { BlockNode, InlineNode, ListItemNode } from './rich-text.js';
export { resolveLink, isExternalLink, type ResolvedLink } from './links.js';
