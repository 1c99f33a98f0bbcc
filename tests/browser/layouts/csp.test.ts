/** Rendering under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';

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
    const policy = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "connect-src 'self' ws:",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
    const iframe = document.createElement('iframe');
    iframe.style.width = '800px';
    iframe.style.height = '500px';
    const report = new Promise<CspReport>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if ((event.data as CspReport | undefined)?.kind !== 'wm-csp') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data as CspReport);
      };
      window.addEventListener('message', onMessage);
    });
    // Test-owned static page; the module under test runs inside it under the policy.
    iframe.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head>
      <body><p><button id="target">Target</button></p><script type="module" src="/tests/browser/layouts/csp-page.ts"></script></body></html>`;
    document.body.append(iframe);
    try {
      const result = await report;
      expect(result.violations).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(result.ready, 'all three layers shown').to.equal(true);
      expect(result.strong).to.equal('Bold');
      expect(result.hasScript).to.equal(false);
      expect(result.actions).to.include.members(['csp-tour:shown', 'csp-hint:shown', 'csp-beacon:shown']);
    } finally {
      iframe.remove();
    }
  });
});
