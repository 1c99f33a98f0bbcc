/**
 * The resource center's explicit input: what it shows and what it calls. The runtime fills it from
 * the engine (the checklist it holds, "Tours and guides", recent announcements) and hands over
 * help, contact and replay as functions, so the component imports nothing from the platform.
 */
import type { ChecklistExperience, Text, ThemeTokens } from '../../config/types.js';
import type { GuideEntry, ResourceCenterView } from '../../engine/contract.js';
import type { ChecklistView } from '../../engine/index.js';
import type { ComponentContext } from '../shared/context.js';
import type { DismissibleStack } from '../shared/dismissible-stack.js';

/** The checklist the center holds: rendered inline by the checklist component itself (registered as `tagName`). */
export interface CenterChecklist {
  experience: ChecklistExperience;
  view?: ChecklistView;
  /** The renderer's context: the inline checklist reports ticks and dismissals through it, as a floating one would. */
  context: ComponentContext;
  tagName: string;
}

/** An announcement the user has seen, newest first. */
export interface CenterAnnouncement {
  experienceId: string;
  title: Text;
}

export interface ResourceCenterInput {
  window: Window;
  /** e.g. `en`, `ru`, `lt`, `ar`. */
  locale: string;
  /** `config.strings` overrides (the `rc…` keys of strings.ts). */
  strings?: Record<string, Record<string, string>>;
  theme?: ThemeTokens;
  /** Shared with the other Waymark layers so Escape closes only the topmost one. */
  stack: DismissibleStack;
  /** Which parts are on, the corner, the title (`resourceCenterView(config)`). */
  parts: ResourceCenterView;
  /** The checklist, while the engine shows one and the center holds it. */
  checklist?: CenterChecklist;
  /** "Tours and guides" (`Engine.library()`). */
  guides: readonly GuideEntry[];
  announcements: readonly CenterAnnouncement[];
  /** The panel opened (for `resource_center_opened`). */
  onOpen?(): void;
  /** Open the help panel in place of the center, searching for `query` when given. */
  openHelp?(query?: string): void;
  /** Reach a human: live chat within operator hours, else the leave-a-message form. */
  contact?(): void;
  /** Replay a tour from its first step. */
  replay(experienceId: string): void;
  openAnnouncement(experienceId: string): void;
  reportError?(error: unknown, where: string): void;
}
