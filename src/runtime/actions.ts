import { resolveLink } from '../config/links.js';
import type { Action, Experience } from '../config/types.js';
import type { Signal } from '../engine/contract.js';
import type { WaymarkError } from './errors.js';
import type { Support } from './support.js';

export interface ActionOptions {
  window: Window;
  now(): number;
  send(signal: Signal): void;
  support: Support;
  experience(id: string): Experience | undefined;
  report(error: WaymarkError): void;
}

/** Carries out the actions a button or an item asked for that reach outside the engine (`run` effects). */
export function createActionRunner(options: ActionOptions): (action: Action, experienceId: string) => void {
  const { window: win, now, send, support } = options;
  return (action, experienceId) => {
    switch (action.type) {
      case 'url': {
        // Judged by where it resolves: `//host` and `/\host` look like paths but leave the site, so they never
        // replace the host's tab.
        const link = resolveLink(action.url, win.location.href);
        if (!link) {
          options.report({ code: 'unsafe-url', severity: 'error', where: 'action:url', message: `refused to open ${JSON.stringify(action.url)}` });
          return;
        }
        if (action.newTab || link.external) win.open(link.href, '_blank', 'noopener,noreferrer');
        else win.location.assign(link.href);
        return;
      }
      case 'emit':
        send({ type: 'track', at: now(), name: action.event, props: action.props });
        return;
      case 'start':
        send({ type: 'start', at: now(), experienceId: action.experience });
        return;
      case 'open-article':
        support.openArticle(action.article, experienceId);
        return;
      case 'open-help':
        support.openHelp(action.query);
        return;
      case 'open-chat':
        support.openChat(action.message, options.experience(experienceId)?.type === 'nudge' ? 'nudge' : 'action');
        return;
      default:
        // next/back/complete/dismiss are handled inside the engine.
        return;
    }
  };
}
