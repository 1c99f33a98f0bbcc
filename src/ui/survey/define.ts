/**
 * Registering entry for <wm-survey>: importing this module defines the element (guarded:
 * defined once, a version clash is warned about and served under a versioned tag, never thrown).
 */
import { defineElement } from '../shared/define.js';
import { WmSurvey } from './survey.js';

export { WmSurvey };

/** The tag this copy of Waymark renders as (`wm-survey`, or a versioned tag after a clash). */
export const tagName: string =
  typeof customElements === 'undefined' ? 'wm-survey' : defineElement(customElements, 'wm-survey', WmSurvey);
