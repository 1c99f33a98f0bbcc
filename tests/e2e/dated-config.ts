import type { Page } from 'puppeteer-core';
import demoConfig from '../../examples/waymark.config.json' with { type: 'json' };

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The demo config with every `date` window moved to run from 30 days ago to 30 days ahead. */
export function demoConfigRunningToday(now = Date.now()): unknown {
  return JSON.parse(JSON.stringify(demoConfig), (key, value) =>
    key === 'date' && value && typeof value === 'object' && !Array.isArray(value)
      ? { ...value, from: isoDay(now - 30 * DAY), until: isoDay(now + 30 * DAY) }
      : value,
  );
}

/**
 * Serve `page` the demo config as of today, so the e2e tests of dated announcements (the region
 * banner runs for a few months) do not start failing when the real calendar passes its window.
 */
export async function withDemoConfigRunningToday(page: Page): Promise<void> {
  const body = JSON.stringify(demoConfigRunningToday());
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (new URL(request.url()).pathname === '/waymark.config.json') {
      void request.respond({ status: 200, contentType: 'application/json; charset=utf-8', body });
    } else void request.continue();
  });
}
