/** The help center: `<wm-help>` and `createHelpCenter`. Importing this module defines nothing. */
export { createHelpCenter, type HelpCenter, type HelpCenterOptions } from './center.js';
export { WmHelp } from './help.js';
export type { HelpContext, HelpEvent, HelpInput, HelpSearch } from './types.js';
