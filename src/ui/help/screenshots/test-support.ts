// Screenshot fixtures for <wm-help> and <wm-nudge> (bundled by screenshots.mjs; not shipped).
import type { Article, NudgeExperience } from '../../../config/types.js';
import type { MessageIssue } from '../../../core/chat/contract.js';
import { createRenderer } from '../../index.js';
import { mountHelp } from '../mount/test-support.js';

const articles: Article[] = [
  {
    id: 'invoice',
    title: { en: 'Download an invoice', ru: 'Как скачать счёт', lt: 'Kaip atsisiųsti sąskaitą faktūrą', ar: 'تنزيل فاتورة' },
    summary: { en: 'Billing → Invoices → Download.', ru: 'Оплата → Счета → Скачать.', ar: 'الفوترة ← الفواتير ← تنزيل.' },
    body: 'Open **Billing**, then *Invoices*.\n\n- Pick a month\n- Press **Download**\n\nSee [billing FAQ](https://help.example/billing).',
    url: 'https://help.example/invoice',
    stages: ['active'],
  },
  { id: 'integrations', title: { en: 'Connect integrations', ru: 'Подключение интеграций', ar: 'ربط التكاملات' }, summary: 'Slack, Jira, GitHub and more.', url: 'https://help.example/integrations', stages: ['active'] },
  { id: 'shortcuts', title: 'Keyboard shortcuts', url: 'https://help.example/shortcuts', body: 'Press `?` anywhere.', stages: ['active'] },
];

/** Outside operator hours (Monday 09:00–17:00 UTC, shown on a Monday evening): the form, back next Monday. */
const OPERATORS_BACK = Date.UTC(2026, 10, 30, 9);

const nudge: NudgeExperience = {
  id: 'stuck',
  type: 'nudge',
  escalation: [
    { kind: 'hint', title: 'Trouble connecting?', body: 'Paste the **API token** from your provider.', target: '#connect' },
    { kind: 'articles', title: 'These may help', articles: ['integrations', 'invoice', 'shortcuts'] },
    { kind: 'chat', title: 'Talk to us', body: 'An engineer can look at it with you.' },
  ],
};

async function help(name: string): Promise<void> {
  const locale = name.includes('rtl') ? 'ar' : name.includes('ru') ? 'ru' : 'en';
  const center = mountHelp({
    window,
    locale,
    articles,
    contact: async () => 'form',
    // The queue's checks, as the panel would receive them.
    leaveMessage: async ({ email, message }) => {
      const issues: MessageIssue[] = [];
      if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) issues.push({ field: 'email', code: email ? 'invalid' : 'required', message: 'email' });
      if (!message.trim()) issues.push({ field: 'message', code: 'required', message: 'message' });
      return issues.length ? { ok: false, issues } : { ok: true, id: 'm1' };
    },
    operatorsBackAt: () => OPERATORS_BACK,
    theme: name.includes('dark') ? { mode: 'dark' } : undefined,
    context: { page: '/billing', stage: 'active', checklist: { title: 'Get started', done: 2, total: 5 } },
  });
  const root = center.element.shadowRoot!;
  if (name.includes('results')) await center.open(locale === 'ru' ? 'счет' : 'invoice');
  else await center.open();
  if (name.includes('reader')) root.querySelector<HTMLButtonElement>('[data-article="invoice"]')!.click();
  if (name.includes('form')) {
    root.querySelector<HTMLButtonElement>('[part="contact"]')!.click();
    await center.element.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    if (name.includes('errors')) {
      root.querySelector<HTMLInputElement>('#wm-help-email')!.value = 'ona@';
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    }
  }
}

function nudgeLevel(level: number, dark: boolean): void {
  const target = document.createElement('div');
  target.style.padding = '120px 80px';
  const button = document.createElement('button');
  button.id = 'connect';
  button.textContent = 'Connect';
  target.append(button);
  document.body.append(target);
  const renderer = createRenderer({ window, locale: 'en', articles: new Map(articles.map((a) => [a.id, a])), act: () => undefined, reportError: console.error, theme: dark ? { mode: 'dark' } : undefined });
  renderer.show({ experience: nudge, level });
}

(window as unknown as { wmFixture(name: string): Promise<void> }).wmFixture = async (name: string) => {
  if (name.startsWith('nudge-')) nudgeLevel(Number(name.at(-1)), name.includes('dark'));
  else await help(name);
};
