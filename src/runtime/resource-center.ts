/**
 * The resource center, wired: one launcher that holds the checklist (handed over by the renderer
 * instead of floating on its own), help (the help panel opens in its place), "Tours and guides"
 * from `Engine.library()` with replay through `start`, and the announcements the user has seen.
 * The component loads on its own chunk; with the resource center off nothing here runs and every
 * surface keeps its own launcher.
 */
import type { Experience, WaymarkConfig } from '../config/types.js';
import type { AnalyticsEvent, GuideEntry, Json, ResourceCenterView } from '../engine/contract.js';
import type { Engine } from '../engine/index.js';
import type { ExperienceView, ViewHost } from '../ui/index.js';
import type { ComponentContext } from '../ui/shared/context.js';
import type { DismissibleStack } from '../ui/shared/dismissible-stack.js';
import type { WmResourceCenter } from '../ui/resource-center/resource-center.js';
import type { CenterAnnouncement, CenterChecklist, ResourceCenterInput } from '../ui/resource-center/types.js';

/** How many announcements "What's new" lists. */
const RECENT_ANNOUNCEMENTS = 3;

export interface ResourceCenterWiringOptions {
  window: Window;
  config: WaymarkConfig;
  /** The config's resource center with its defaults applied (`resourceCenterView(config)`). */
  view: ResourceCenterView;
  /** The UI locale now (the debug overlay can switch it). */
  locale(): string;
  stack: DismissibleStack;
  /** The engine now; null while the user is being switched. */
  engine(): Pick<Engine, 'library' | 'state'> | null;
  start(experienceId: string): void;
  openHelp(query?: string): void;
  openChat(): void;
  /** Deliver an analytics event; the runtime stamps the time, user and session. */
  emit(event: Pick<AnalyticsEvent, 'type' | 'props' | 'experienceId' | 'experienceType'>): void;
  /** Called back when what the center lists may have changed (an experience shown or hidden). */
  onChange(listener: () => void): () => void;
  reportError(error: unknown, where: string): void;
}

export interface ResourceCenterWiring {
  /** Help lives in the center: Waymark's own floating help launcher stays off. */
  readonly holdsHelp: boolean;
  /** The renderer's hook: the checklist is held here instead of floating on its own. */
  readonly host: ViewHost;
  dispose(): void;
}

/** The resource center for this config, or null when it is off (then nothing changes). */
export function createResourceCenterWiring(options: ResourceCenterWiringOptions): ResourceCenterWiring | null {
  const parts = options.view;
  if (!parts.enabled) return null;
  const win = options.window;
  const doc = win.document;
  const experiences = options.config.experiences;
  let disposed = false;
  let element: WmResourceCenter | null = null;
  let checklist: CenterChecklist | undefined;
  /** The checklist the renderer last handed over, while its chunk may still be loading. */
  let wantedChecklist: string | null = null;
  let guides: GuideEntry[] = [];

  const safely = (where: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      options.reportError(error, `resource-center:${where}`);
    }
  };

  function recentAnnouncements(): CenterAnnouncement[] {
    const records = options.engine()?.state.experiences ?? {};
    const seen: Array<CenterAnnouncement & { at: number }> = [];
    for (const experience of experiences) {
      if (experience.type !== 'announcement' || experience.enabled === false) continue;
      const at = records[experience.id]?.lastShownAt;
      if (typeof at === 'number') seen.push({ experienceId: experience.id, title: experience.title, at });
    }
    return seen
      .sort((a, b) => b.at - a.at)
      .slice(0, RECENT_ANNOUNCEMENTS)
      .map(({ experienceId, title }) => ({ experienceId, title }));
  }

  function input(): ResourceCenterInput {
    guides = parts.guides ? (options.engine()?.library() ?? []) : [];
    const value: ResourceCenterInput = {
      window: win,
      locale: options.locale(),
      stack: options.stack,
      parts,
      guides,
      announcements: parts.announcements ? recentAnnouncements() : [],
      onOpen: () => {
        // Open: the lists are read again, so what just happened is there.
        refresh();
        const props: Record<string, Json> = { guides: guides.length };
        if (checklist?.view) props['tasksLeft'] = checklist.view.total - checklist.view.done;
        options.emit({ type: 'resource_center_opened', props });
      },
      replay: (experienceId) => {
        const entry = guides.find((guide) => guide.experienceId === experienceId);
        options.emit({ type: 'guide_replayed', experienceId, experienceType: 'tour', props: { status: entry?.status ?? 'seen' } });
        options.start(experienceId);
      },
      openAnnouncement: (experienceId) => options.start(experienceId),
      reportError: options.reportError,
    };
    if (parts.help.search || parts.help.suggested) value.openHelp = (query) => options.openHelp(query);
    if (parts.help.contact) value.contact = () => options.openChat();
    if (checklist) value.checklist = checklist;
    if (options.config.strings) value.strings = options.config.strings;
    if (options.config.theme) value.theme = options.config.theme;
    return value;
  }

  function refresh(): void {
    if (disposed || !element) return;
    safely('refresh', () => {
      element!.input = input();
    });
  }

  // The launcher is on the page from the start; the component has its own chunk.
  const loaded = import('../ui/resource-center/define.js').then(
    ({ tagName }) => {
      if (disposed) return;
      element = doc.createElement(tagName) as WmResourceCenter;
      element.dataset.waymarkUi = 'resource-center';
      element.input = input();
      (doc.body ?? doc.documentElement).append(element);
    },
    (error: unknown) => options.reportError(error, 'resource-center:load'),
  );
  const offChange = options.onChange(refresh);

  // A checklist the page places inline (`launcher: 'inline'`) stays where the page put it.
  const holds = (experience: Experience) => parts.checklist && experience.type === 'checklist' && experience.launcher !== 'inline';

  const host: ViewHost = {
    show(view: ExperienceView, context: ComponentContext): boolean {
      if (disposed || !holds(view.experience) || view.experience.type !== 'checklist') return false;
      const experience = view.experience;
      wantedChecklist = experience.id;
      // The checklist component renders itself inside the panel: its chunk loads as it would for a floating one.
      void import('../ui/checklist/define.js')
        .then(({ tagName }) => loaded.then(() => tagName))
        .then((tagName) => {
          if (disposed || wantedChecklist !== experience.id) return;
          checklist = { experience, context, tagName };
          if (view.checklist) checklist.view = view.checklist;
          refresh();
        })
        .catch((error: unknown) => options.reportError(error, 'resource-center:checklist'));
      return true;
    },
    hide(experienceId: string): void {
      if (wantedChecklist === experienceId) wantedChecklist = null;
      if (checklist?.experience.id !== experienceId) return;
      checklist = undefined;
      refresh();
    },
  };

  return {
    holdsHelp: parts.help.search || parts.help.suggested || parts.help.contact,
    host,
    dispose() {
      if (disposed) return;
      disposed = true;
      offChange();
      element?.hide();
      element?.remove();
      element = null;
      checklist = undefined;
    },
  };
}
