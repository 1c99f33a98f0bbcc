/**
 * The surfaces the accessibility statement covers, as standalone pages for screenshots at 200 %
 * and 400 % zoom (screenshots.mjs). Test-owned static markup only; Waymark renders as in the tests.
 */
import { createRenderer } from '../../../src/ui/index.js';
import type { Experience, NudgeExperience } from '../../../src/config/types.js';

const nudge: NudgeExperience = {
  id: 'nudge',
  type: 'nudge',
  escalation: [
    { kind: 'hint', title: 'Connect not responding?', body: 'Paste the **API token** from your provider, then press Connect again.', target: '#target' },
    { kind: 'articles', title: 'These may help', articles: ['connect', 'tokens', 'webhooks'] },
    { kind: 'chat', title: 'Talk to us', body: 'An engineer can look at it with you.' },
  ],
};

const hint: Experience = {
  id: 'hint',
  type: 'hint',
  target: '#target',
  openOn: 'trigger',
  title: 'Copy it now',
  body: 'This is the only time we show the full key. Paste it into your CI secrets or password manager before you leave this page.',
  articles: ['tokens', 'webhooks'],
  buttons: [{ label: 'Got it', action: { type: 'dismiss' }, variant: 'primary' }],
};

/** `targetTop`: where the target sits, in px from the top of the page (a hint near the bottom must flip or fit). */
const SURFACES: Record<string, { experience: Experience; level?: number; targetTop?: number }> = {
  'tour-centred': {
    experience: {
      id: 'tour',
      type: 'tour',
      steps: [
        { title: 'Welcome to Acme Cloud', body: "Let's get your first service live. This tour takes about a minute and shows you where everything is.", buttons: [{ label: 'Show me around', action: { type: 'next' }, variant: 'primary' }, { label: 'Maybe later', action: { type: 'snooze' }, variant: 'link' }] },
        { title: 'Two' },
        { title: 'Three' },
      ],
    },
  },
  'tour-anchored': {
    experience: { id: 'tour', type: 'tour', spotlight: true, steps: [{ target: '#target', title: 'Connect your first service', body: 'Click **Connect** and paste the token from your provider.' }, { title: 'Two' }, { title: 'Three' }] },
  },
  'nudge-1': { experience: nudge, level: 0 },
  'nudge-2': { experience: nudge, level: 1 },
  'nudge-3': { experience: nudge, level: 2 },
  hint: { experience: hint },
  'hint-low': { experience: hint, targetTop: 150 },
  banner: {
    experience: {
      id: 'banner',
      type: 'announcement',
      display: 'banner',
      position: 'top',
      dismissible: true,
      title: 'New region: EU North (Vilnius) is now generally available',
      body: 'Keep data in the EU with single-digit latency across the Baltics and the Nordics.',
      buttons: [{ label: 'Read more', action: { type: 'open-article', article: 'connect' }, variant: 'link' }],
    },
  },
};

export function renderSurface(name: string, dark = false): void {
  const surface = SURFACES[name];
  if (!surface) throw new Error(`no surface ${name}`);
  const host = document.createElement('main');
  const top = surface.targetTop ?? 0;
  host.innerHTML = `<h1 style="margin:12px">Integrations</h1><div style="height:${top}px"></div><p style="margin:12px"><button id="target">Connect</button></p><div style="height:1200px"></div>`;
  document.body.append(host);
  const renderer = createRenderer({
    window,
    locale: 'en',
    theme: dark ? { mode: 'dark' } : undefined,
    articles: new Map([
      ['connect', { id: 'connect', title: 'Connect an integration', url: 'https://help.example/connect' }],
      ['tokens', { id: 'tokens', title: 'API tokens and scopes', url: 'https://help.example/tokens' }],
      ['webhooks', { id: 'webhooks', title: 'Webhooks', url: 'https://help.example/webhooks' }],
    ]),
    act: () => {},
    reportError: (error, where) => console.error(where, error),
  });
  renderer.show({ experience: surface.experience, level: surface.level });
}

(window as unknown as { wmRenderSurface: typeof renderSurface }).wmRenderSurface = renderSurface;
