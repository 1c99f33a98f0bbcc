/** The debug overlay under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';
import { runUnderStrictCsp } from '../../../tests/browser/csp-frame.js';

interface CspReport {
  kind: 'wm-csp-debug';
  ready: boolean;
  violations: string[];
  selector: string | null;
  images: number;
  hostileShownAsText: boolean;
}

describe('debug overlay under strict CSP and Trusted Types', () => {
  it('renders, collapses, expands and picks with no policy violation; config and user strings stay text', async () => {
    let pwned = false;
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { kind?: string })?.kind === 'pwned') pwned = true;
    };
    window.addEventListener('message', onMessage);
    const result = await runUnderStrictCsp<CspReport>({
      module: '/tests/browser/fixtures/debug-csp-page.ts',
      kind: 'wm-csp-debug',
      body: '<button id="csp-target" data-waymark="csp-save">Save</button>',
      height: 600,
    });
    window.removeEventListener('message', onMessage);
    expect(result.violations).to.deep.equal([]);
    expect(result.ready, 'shown, collapsed, expanded, picking, picked').to.equal(true);
    expect(result.selector).to.equal('[data-waymark="csp-save"]');
    expect(result.images).to.equal(0);
    expect(result.hostileShownAsText).to.equal(true);
    expect(pwned).to.equal(false);
  });
});
