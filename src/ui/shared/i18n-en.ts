/**
 * Built-in UI strings: English, for the surfaces that come with the UI (tours, hints, beacons, announcements and the
 * pieces they share). Always loaded: the last link of every locale chain. The strings of surveys, nudges, checklists
 * and help are `i18n-en-more.ts`, loaded with the first of those shown, so a tour page does not carry them.
 */
import type { Catalog, FirstStringKey } from './i18n-core.js';

// Frozen: every translator on the page shares this object.
export const strings: Readonly<Pick<Catalog, FirstStringKey>> = /*#__PURE__*/ Object.freeze<Pick<Catalog, FirstStringKey>>({
  next: 'Next',
  back: 'Back',
  done: 'Done',
  skip: 'Skip tour',
  close: 'Close',
  gotIt: 'Got it',
  progress: '{current} of {total}',
  stepLabel: { one: 'Step {current} of {total}', other: 'Step {current} of {total}' },
  stepAnnouncement: 'Step {current} of {total}: {title}',
  stepsLeft: { one: '{count} step left', other: '{count} steps left' },
  beaconLabel: 'Show tip: {title}',
  hintLabel: 'Tip',
  articles: 'Related articles',
  opensInNewTab: '(opens in a new tab)',
  tourLabel: 'Product tour',
});
