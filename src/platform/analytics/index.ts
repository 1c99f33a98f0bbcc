/**
 * Analytics sinks: deliver Waymark's analytics events to GA4, Segment, PostHog, Amplitude,
 * Mixpanel, your own callback, or your endpoint (batched beacons). The event reference is
 * `docs/analytics-events.md`. Importing this module does nothing until a sink is created.
 */
export type { Analytics, AnalyticsEnv, AnalyticsSink, SinkSpec, SinkType } from './types.js';
export { createAnalytics, createSink } from './create.js';
export { VENDOR_PROPS, EVENT_TYPES, snakeEventName, wordsEventName, vendorProperties, type FlatProps, type FlatValue } from './events.js';
export { BEACON_DEFAULT_BATCH, BEACON_DEFAULT_FLUSH_MS, BEACON_MAX_BYTES } from './beacon.js';
export { VENDOR_QUEUE_LIMIT, VENDOR_POLL_MS, VENDOR_WAIT_MS } from './vendor.js';
