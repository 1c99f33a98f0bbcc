/** The help panel and a nudge under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';
import { runUnderStrictCsp } from '../../../tests/browser/csp-frame.js';

interface CspReport {
  kind: 'wm-csp-help';
  ready: boolean;
  violations: string[];
  errors: string[];
  actions: string[];
  strong: string | null;
  injected: boolean;
}

describe('help panel and nudge under strict CSP and Trusted Types', () => {
  it('open an article, search, show form errors and a nudge with no policy violation', async () => {
    const result = await runUnderStrictCsp<CspReport>({ module: '/src/ui/help/test-support.ts', kind: 'wm-csp-help', height: 600 });
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.ready, 'nudge shown; panel open with form errors').to.equal(true);
    expect(result.strong).to.equal('Bold');
    expect(result.injected).to.equal(false);
    expect(result.actions).to.include('csp-nudge:shown');
  });
});
