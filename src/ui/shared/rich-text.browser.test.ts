import { expect, fixture, html } from '@open-wc/testing';
import { renderRichText } from './rich-text.js';

const render = async (source: string) =>
  (await fixture(html`<div>${renderRichText(source, { newTabLabel: '(opens in a new tab)', origin: location.origin })}</div>`)).querySelector('a')!;

describe('renderRichText links', () => {
  it('opens links that resolve off-site in a new tab and says so, however they are spelled', async () => {
    for (const href of ['//evil.example/x', '/\\evil.example/x', 'https://evil.example/x']) {
      const link = await render(`[docs](${href})`);
      expect(link.target, href).to.equal('_blank');
      expect(link.rel, href).to.contain('noopener');
      expect(link.textContent, href).to.contain('(opens in a new tab)');
      expect(new URL(link.href).host, href).to.equal('evil.example');
    }
  });

  it('keeps same-site links in the tab', async () => {
    for (const href of ['/help', './a', '?q=1', `${location.origin}/x`, 'mailto:help@example.com']) {
      const link = await render(`[docs](${href})`);
      expect(link.target, href).to.equal('');
      expect(link.textContent, href).to.equal('docs');
    }
  });
});
