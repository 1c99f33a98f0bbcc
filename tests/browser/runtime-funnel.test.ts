import { expect } from '@open-wc/testing';
import { createWaymark, type Waymark, type WaymarkConfig } from '../../src/index.js';
import { createMessageQueue } from '../../src/platform/chat/offline-message.js';
import { nextEvent, record, uniqueDb, until } from './helpers.js';

type HelpElement = HTMLElement & { isOpen?: boolean };
const helpElement = () => document.querySelector<HelpElement>('wm-help[data-waymark-ui]');
const inPanel = <E extends Element = HTMLElement>(selector: string): E | null => helpElement()?.shadowRoot?.querySelector<E>(selector) ?? null;

function interceptFetch(prefix: string, answer: (url: string, init?: RequestInit) => Response | Promise<Response>): () => void {
  const original = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    return url.startsWith(prefix) ? Promise.resolve(answer(url, init)) : original(input, init);
  }) as typeof fetch;
  return () => (window.fetch = original);
}

const CLOSED = { timeZone: 'Europe/Vilnius', weekly: { mon: ['09:00-17:00'] } };
const OPEN = { timeZone: 'UTC', weekly: { sun: ['00:00-24:00'], mon: ['00:00-24:00'], tue: ['00:00-24:00'], wed: ['00:00-24:00'], thu: ['00:00-24:00'], fri: ['00:00-24:00'], sat: ['00:00-24:00'] } };

const funnel = (hours: typeof CLOSED | typeof OPEN, endpoint?: string): WaymarkConfig => ({
  version: '1',
  locale: { default: 'en', supported: ['en', 'ru', 'lt', 'ar'] },
  articles: [{ id: 'api-keys', title: 'Create an API key', url: 'https://help.example.com/api-keys' }],
  chat: { provider: 'callback', hours, emailTrait: 'email', offline: { form: true, ...(endpoint ? { endpoint } : {}) } },
  experiences: [
    {
      id: 'stuck',
      type: 'nudge',
      when: { event: 'never-sent' },
      escalation: [{ kind: 'chat', body: 'Talk to us?', message: 'I am stuck saving an integration' }],
    },
  ],
});

/** The panel's "Contact us" → the contact view (the path that exists whatever opens the form). */
async function openFormFromPanel(wm: Waymark): Promise<void> {
  wm.openHelp();
  await until(() => inPanel('[part="contact"]') !== null, 'the panel');
  inPanel<HTMLButtonElement>('[part="contact"]')!.click();
  await until(() => inPanel('form') !== null, 'the form');
}

/** A Monday in the future at 03:00 UTC: operators in Vilnius are off until 09:00 local. */
const MONDAY_NIGHT = Date.UTC(2030, 0, 7, 3, 0);

describe('the funnel\'s last step', () => {
  const restore: Array<() => void> = [];
  let wm: Waymark | undefined;
  afterEach(() => {
    wm?.destroy();
    wm = undefined;
    for (const undo of restore.splice(0).reverse()) undo();
  });

  it('outside operator hours openChat(message) opens the message form directly: email from the trait chat.emailTrait names, the message carried', async () => {
    wm = createWaymark({ config: funnel(CLOSED), user: { id: 'u-form', traits: { email: 'ona@example.lt' } }, storage: { kind: 'memory' }, helpLauncher: false, clock: () => MONDAY_NIGHT });
    await wm.ready;
    wm.openChat('Where is my invoice?');
    await until(() => inPanel('form') !== null, 'the leave-a-message form, not the panel home');
    expect(inPanel('input[type="search"]')).to.equal(null);
    expect(inPanel<HTMLInputElement>('#wm-help-email')!.value).to.equal('ona@example.lt');
    expect(inPanel<HTMLTextAreaElement>('#wm-help-message')!.value).to.equal('Where is my invoice?');
    expect(inPanel('#wm-help-contact')).to.equal(helpElement()!.shadowRoot!.activeElement);
  });

  it('the panel\'s own "Contact us" outside hours prefills the email too', async () => {
    wm = createWaymark({ config: funnel(CLOSED), user: { id: 'u-contact', traits: { email: 'jonas@example.lt' } }, storage: { kind: 'memory' }, helpLauncher: false, clock: () => MONDAY_NIGHT });
    await wm.ready;
    wm.openHelp();
    await until(() => inPanel('[part="contact"]') !== null, 'the panel');
    inPanel<HTMLButtonElement>('[part="contact"]')!.click();
    await until(() => inPanel('form') !== null, 'the form');
    expect(inPanel<HTMLInputElement>('#wm-help-email')!.value).to.equal('jonas@example.lt');
  });

  it('"Chat with us" from the nudge outside hours: the form with the nudge\'s message, and the nudge leaves the screen', async () => {
    wm = createWaymark({ config: funnel(CLOSED), user: { id: 'u-nudge-off' }, storage: { kind: 'memory' }, helpLauncher: false, clock: () => MONDAY_NIGHT });
    await wm.ready;
    const shown = nextEvent(wm, 'show', (e) => e.experience.id === 'stuck');
    wm.start('stuck');
    await shown;
    const hidden = nextEvent(wm, 'hide', (e) => e.experienceId === 'stuck');
    wm.act('stuck', { type: 'button', action: { type: 'open-chat', message: 'I am stuck saving an integration' } });
    await hidden;
    await until(() => inPanel('form') !== null, 'the form');
    expect(inPanel<HTMLTextAreaElement>('#wm-help-message')!.value).to.equal('I am stuck saving an integration');
    expect(wm.why('stuck')?.active).to.equal(false);
  });

  it('in hours, opening chat from the nudge ends the nudge (it is not left drawn over the app\'s chat)', async () => {
    wm = createWaymark({ config: funnel(OPEN), user: { id: 'u-nudge-on' }, storage: { kind: 'memory' }, helpLauncher: false });
    await wm.ready;
    const shown = nextEvent(wm, 'show', (e) => e.experience.id === 'stuck');
    wm.start('stuck');
    await shown;
    const handoff = nextEvent(wm, 'open-chat');
    const hidden = nextEvent(wm, 'hide', (e) => e.experienceId === 'stuck');
    wm.act('stuck', { type: 'button', action: { type: 'open-chat' } });
    await handoff;
    await hidden;
    expect(wm.why('stuck')?.active).to.equal(false);
  });

  for (const locale of ['en', 'ru', 'lt', 'ar']) {
    it(`operators' hours are shown in the user's time zone with the zone named (${locale})`, async () => {
      wm = createWaymark({ config: funnel(CLOSED), user: { id: `u-hours-${locale}` }, storage: { kind: 'memory' }, helpLauncher: false, locale, clock: () => MONDAY_NIGHT });
      await wm.ready;
      await openFormFromPanel(wm);
      // The paragraph that names when operators are back (on main it is the second muted line of the form).
      const line = [...(helpElement()!.shadowRoot!.querySelectorAll('p.muted') ?? [])].map((p) => p.textContent ?? '').join(' ');
      // Back on Monday 09:00 in Vilnius = 07:00 UTC, written on the user's own clock, naming the user's zone.
      const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'longGeneric' }).formatToParts(Date.UTC(2030, 0, 7, 7, 0)).find((p) => p.type === 'timeZoneName')!.value;
      expect(line).to.contain(zone);
      const hour = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(Date.UTC(2030, 0, 7, 7, 0));
      expect(line).to.contain(hour);
    });
  }

  it('one language per screen: the checklist title in the Russian panel comes from the config\'s ru text', async () => {
    const withChecklist: WaymarkConfig = {
      ...funnel(OPEN),
      experiences: [
        {
          id: 'setup',
          type: 'checklist',
          title: { en: 'Get Acme Cloud running', ru: 'Запустите Acme Cloud' },
          items: [
            { id: 'account', title: { en: 'Create your account', ru: 'Создайте аккаунт' }, initiallyDone: true },
            { id: 'project', title: { en: 'Create a project', ru: 'Создайте проект' }, doneWhen: { event: 'project_created' } },
          ],
        },
      ],
    };
    wm = createWaymark({ config: withChecklist, user: { id: 'u-ru' }, storage: { kind: 'memory' }, helpLauncher: false, locale: 'ru' });
    await wm.ready;
    wm.start('setup');
    wm.openHelp();
    await until(() => inPanel('#wm-help-checklist') !== null, 'the progress line');
    expect(inPanel('#wm-help-checklist')!.textContent).to.equal('Запустите Acme Cloud: выполнено 1 из 2');
  });

  it('a message the endpoint refuses (404, 401) is kept, reported, and the form says it was not sent', async () => {
    for (const status of [404, 401]) {
      const dbName = uniqueDb();
      let posts = 0;
      restore.push(
        interceptFetch('https://support.example/', () => {
          posts++;
          return new Response('no', { status });
        }),
      );
      wm = createWaymark({ config: funnel(CLOSED, 'https://support.example/messages'), user: { id: `u-${status}`, traits: { email: 'ona@example.lt' } }, storage: { dbName }, helpLauncher: false, clock: () => MONDAY_NIGHT });
      const errors = record(wm, 'error');
      await wm.ready;
      await openFormFromPanel(wm);
      inPanel<HTMLTextAreaElement>('#wm-help-message')!.value = 'Please call me back';
      inPanel<HTMLInputElement>('#wm-help-email')!.value = 'ona@example.lt';
      inPanel<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => errors.some((e) => e.code === 'message-rejected'), `the refusal (${status}) reported`);
      await until(() => (inPanel('form .errors')?.textContent ?? '').includes('not sent'), 'the form says it was not sent');
      // The user's words are back in the form.
      expect(inPanel<HTMLTextAreaElement>('#wm-help-message')!.value).to.equal('Please call me back');
      expect(posts).to.equal(1);
      wm.destroy();
      wm = undefined;
      // And kept on the device.
      const queue = createMessageQueue({ endpoint: 'https://support.example/messages', env: { window, dbName } });
      const kept = await queue.rejected();
      queue.dispose();
      expect(kept.map((entry) => entry.message.message)).to.deep.equal(['Please call me back']);
      restore.pop()!();
    }
  });
});
