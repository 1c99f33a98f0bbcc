/** Announcements and surveys under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';
import { runUnderStrictCsp } from '../../../tests/browser/csp-frame.js';

interface CspReport {
  kind: 'wm-csp-7';
  ready: boolean;
  violations: string[];
  errors: string[];
  actions: string[];
  strong: string | null;
  hasScript: boolean;
}

describe('announcement and survey under strict CSP and Trusted Types', () => {
  it('render, answer and show the follow-up with no policy violation', async () => {
    const result = await runUnderStrictCsp<CspReport>({ module: '/src/ui/survey/test-support.ts', kind: 'wm-csp-7', height: 500 });
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.ready, 'banner, modal and survey shown; follow-up after answering').to.equal(true);
    expect(result.strong).to.equal('Bold');
    expect(result.hasScript).to.equal(false);
    expect(result.actions).to.include.members(['csp-banner:shown', 'csp-modal:shown', 'csp-survey:shown', 'csp-survey:answer']);
  });
});
