/** The help center's element, `<wm-help>`, and its input. Importing this module defines nothing. */
export { WmHelp } from './help.js';
export type { ArticleOpenedFrom, ChatOpenedFrom, HelpContext, HelpEvent, HelpInput, HelpSearch } from './types.js';
