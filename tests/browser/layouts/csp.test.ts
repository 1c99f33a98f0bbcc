/** Rendering under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';
import { runUnderStrictCsp } from '../csp-frame.js';

interface CspReport {
  kind: 'wm-csp';
  ready: boolean;
  violations: string[];
  errors: string[];
  actions: string[];
  strong: string | null;
  hasScript: boolean;
}

describe('strict CSP and Trusted Types', () => {
  it('renders a tour, a hint and a beacon with no policy violation', async () => {
    const result = await runUnderStrictCsp<CspReport>({ module: '/tests/browser/layouts/csp-page.ts', kind: 'wm-csp', height: 500, body: '<p><button id="target">Target</button></p>' });
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.ready, 'all three layers shown').to.equal(true);
    expect(result.strong).to.equal('Bold');
    expect(result.hasScript).to.equal(false);
    expect(result.actions).to.include.members(['csp-tour:shown', 'csp-hint:shown', 'csp-beacon:shown']);
  });
});
