/** <wm-checklist> under a strict CSP (no unsafe-inline anywhere) with Trusted Types enforced. */
import { expect } from '@open-wc/testing';

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
        if ((event.data as CspReport | undefined)?.kind !== 'wm-csp-checklist') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data as CspReport);
      };
      window.addEventListener('message', onMessage);
    });
    iframe.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head>
      <body><script type="module" src="/src/ui/checklist/test-support.ts?csp"></script></body></html>`;
    document.body.append(iframe);
    try {
      const result = await report;
      expect(result.violations).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(result.actions).to.deep.equal(['setup:shown', 'setup:item-done']);
      expect(result.panelOpen).to.equal(true);
      expect(result.celebrating).to.equal(true);
      expect(Number(result.ringOffset)).to.equal(0);
      expect(result.injected).to.equal(false);
      expect(result.strong).to.equal('Bold');
    } finally {
      iframe.remove();
    }
  });
});
