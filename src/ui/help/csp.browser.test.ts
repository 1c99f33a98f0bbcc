/** The help panel and a nudge under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';

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
    iframe.style.height = '600px';
    const report = new Promise<CspReport>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if ((event.data as CspReport | undefined)?.kind !== 'wm-csp-help') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data as CspReport);
      };
      window.addEventListener('message', onMessage);
    });
    iframe.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head>
      <body><script type="module" src="/src/ui/help/test-support.ts"></script></body></html>`;
    document.body.append(iframe);
    try {
      const result = await report;
      expect(result.violations).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(result.ready, 'nudge shown; panel open with form errors').to.equal(true);
      expect(result.strong).to.equal('Bold');
      expect(result.injected).to.equal(false);
      expect(result.actions).to.include('csp-nudge:shown');
    } finally {
      iframe.remove();
    }
  });
});
