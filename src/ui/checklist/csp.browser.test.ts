/** <wm-checklist> under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';
import { runUnderStrictCsp } from '../../../tests/browser/csp-frame.js';

interface CspReport {
  kind: 'wm-csp-checklist';
  violations: string[];
  errors: string[];
  actions: string[];
  celebrating: boolean;
  panelOpen: boolean;
  ringOffset: string | null;
  injected: boolean;
  strong: string | null;
}

describe('<wm-checklist> under strict CSP and Trusted Types', () => {
  it('opens, ticks, celebrates and renders markup-looking config text as text, with no policy violation', async () => {
    const result = await runUnderStrictCsp<CspReport>({ module: '/src/ui/checklist/test-support.ts?csp', kind: 'wm-csp-checklist', height: 600 });
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.actions).to.deep.equal(['setup:shown', 'setup:item-done']);
    expect(result.panelOpen).to.equal(true);
    expect(result.celebrating).to.equal(true);
    expect(Number(result.ringOffset)).to.equal(0);
    expect(result.injected).to.equal(false);
    expect(result.strong).to.equal('Bold');
  });
});
