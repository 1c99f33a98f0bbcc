/**
 * Config sections with their defaults applied, so the runtime and the components read one resolved
 * answer: whether the resource center is on and which parts it shows, and which host layers
 * Waymark steps out of the way of. Pure: the config in, plain data out.
 */
import type { WaymarkConfig } from '../config/types.js';
import type { HostLayers, ResourceCenterView } from './contract.js';

/** Host layers Waymark always steps aside for, whatever the config says. */
export const ALWAYS_WATCHED_OVERLAYS = ['dialog[open]', '[aria-modal="true"]'] as const;
export const DEFAULT_MAIN = 'main, [role="main"]';

export function resourceCenterView(config: WaymarkConfig): ResourceCenterView {
  const settings = config.resourceCenter ?? {};
  const live = config.experiences.filter((x) => x.enabled !== false);
  const hasChecklist = live.some((x) => x.type === 'checklist');
  const hasArticles = (config.articles?.length ?? 0) > 0;
  const canSearch = hasArticles || config.search !== undefined;
  const canContact = config.chat !== undefined && config.chat.provider !== 'none';
  const asked = settings.help === false ? { search: false, suggested: false, contact: false } : settings.help === true || settings.help === undefined ? {} : settings.help;
  // A part is shown when it is not turned off and there is something to put in it.
  const help = {
    search: asked.search !== false && canSearch,
    suggested: asked.suggested !== false && hasArticles,
    contact: asked.contact !== false && canContact,
  };
  const view: ResourceCenterView = {
    enabled: settings.enabled ?? (hasChecklist || canSearch || canContact),
    position: settings.position ?? 'bottom-end',
    checklist: settings.checklist !== false && hasChecklist,
    help,
    guides: settings.guides !== false && live.some((x) => x.type === 'tour' && x.replayable !== false),
    announcements: settings.announcements !== false && live.some((x) => x.type === 'announcement'),
  };
  if (settings.title !== undefined) view.title = settings.title;
  return view;
}

export function hostLayers(config: WaymarkConfig): HostLayers {
  const extra = (config.host?.overlays ?? []).filter((selector) => !(ALWAYS_WATCHED_OVERLAYS as readonly string[]).includes(selector));
  return { overlays: [...ALWAYS_WATCHED_OVERLAYS, ...extra], main: config.host?.main ?? DEFAULT_MAIN };
}
