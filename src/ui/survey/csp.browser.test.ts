/** Announcements and surveys under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';

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
        if ((event.data as CspReport | undefined)?.kind !== 'wm-csp-7') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data as CspReport);
      };
      window.addEventListener('message', onMessage);
    });
    // Test-owned static page; the modules under test run inside it under the policy. The banner
    // sets its edge offsets, so a style attribute there would show up as a violation.
    iframe.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head>
      <body><script type="module" src="/src/ui/survey/test-support.ts"></script></body></html>`;
    document.body.append(iframe);
    try {
      const result = await report;
      expect(result.violations).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(result.ready, 'banner, modal and survey shown; follow-up after answering').to.equal(true);
      expect(result.strong).to.equal('Bold');
      expect(result.hasScript).to.equal(false);
      expect(result.actions).to.include.members(['csp-banner:shown', 'csp-modal:shown', 'csp-survey:shown', 'csp-survey:answer']);
    } finally {
      iframe.remove();
    }
  });
});
