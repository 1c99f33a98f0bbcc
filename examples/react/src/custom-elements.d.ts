/**
 * JSX types for the Waymark elements this example renders itself. React 19 passes every prop of a
 * custom element through: as a property when the element has one, else as an attribute, and an
 * `on<event-name>` function as an event listener for `<event-name>` (here `onwm-action`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/** What Waymark's `wm-action` DOM event carries (the element reports a user action). */
export interface WmActionEvent extends Event {
  readonly experienceId: string;
  readonly action: { readonly type: string };
}

/** What `wm-step-change` carries (a tour moved to a step). */
export interface WmStepChangeEvent extends Event {
  readonly experienceId: string;
  readonly step: number;
  readonly stepId: string;
  readonly total: number;
}

type Base = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** A placeholder where the configured inline checklist renders. */
      'wm-checklist': Base & { 'experience-id': string; 'onwm-action'?: (event: WmActionEvent) => void };
      /**
       * A hint declared in the page (compiled to config when Waymark starts). No `target` prop: a
       * defined <wm-hint> has a `target` property, so React would set that instead of the attribute.
       */
      'wm-hint': Base & { id: string; 'open-on'?: 'hover' | 'focus' | 'click'; title?: string; placement?: string };
    }
  }
}
