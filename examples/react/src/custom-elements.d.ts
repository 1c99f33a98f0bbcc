/**
 * JSX types for the Waymark elements this example renders itself. React 19 passes every prop of a
 * custom element through: as a property when the element has one, else as an attribute, and an
 * `on<event-name>` function as an event listener for `<event-name>` (here `onwm-action`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/** The events' types ship with Waymark (type-only: importing them loads nothing). */
import type { WmActionEvent } from 'waymark';
export type { WmActionEvent, WmStepChangeEvent } from 'waymark';

type Base = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** A placeholder where the configured inline checklist renders. */
      'wm-checklist': Base & { 'experience-id': string; 'onwm-action'?: (event: WmActionEvent) => void };
      /** A hint declared in the page (compiled to config when Waymark starts). */
      'wm-hint': Base & { id: string; target: string; 'open-on'?: 'hover' | 'focus' | 'click'; title?: string; placement?: string };
    }
  }
}
