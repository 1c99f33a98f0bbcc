/**
 * Test-only: mount a `<wm-help>` with the input the runtime would give it, built from plain articles and
 * whatever fakes a test passes (`search`, `contact`, `leaveMessage`…). Not shipped.
 */
import type { Article } from '../../../config/types.js';
import { createSearchIndex } from '../../../core/help/search-index.js';
import { defineElement } from '../../shared/define.js';
import { createDismissibleStack } from '../../shared/dismissible-stack.js';
import { WmHelp } from '../help.js';
import type { HelpContext, HelpInput } from '../types.js';

export interface MountHelpOptions extends Partial<HelpInput> {
  /** Indexed for `locale` unless `index` is given. */
  articles?: readonly Article[];
}

export interface MountedHelp {
  readonly element: WmHelp;
  open(query?: string): Promise<void>;
  openArticle(articleId: string): Promise<void>;
  update(context: HelpContext): void;
  dispose(): void;
}

export function mountHelp(options: MountHelpOptions = {}): MountedHelp {
  const { articles = [], ...given } = options;
  const win = given.window ?? window;
  const locale = given.locale ?? 'en';
  const ownStack = given.stack ? null : createDismissibleStack(win);
  const input: HelpInput = {
    index: createSearchIndex(articles, { locale }),
    context: {},
    ...given,
    window: win,
    locale,
    stack: given.stack ?? ownStack!,
  };
  const element = win.document.createElement(defineElement(win.customElements, 'wm-help', WmHelp)) as WmHelp;
  element.dataset.waymarkUi = 'help';
  element.input = input;
  win.document.body.append(element);
  return {
    element,
    open: (query) => element.show(query),
    openArticle: (id) => element.showArticle(id),
    update: (context) => (element.input = { ...element.input!, context }),
    dispose() {
      element.hide();
      element.remove();
      ownStack?.dispose();
    },
  };
}
