/**
 * Run a test module inside a same-origin iframe under Waymark's strictest supported policy — no
 * `unsafe-inline` anywhere, Trusted Types enforced — and resolve with the report it posts back.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self' ws:",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export async function runUnderStrictCsp<Report extends { kind: string }>(options: {
  /** Absolute URL path of the module that renders and posts `{ kind, … }` to the parent. */
  module: string;
  kind: Report['kind'];
  /** Static, test-owned markup placed before the module. */
  body?: string;
  height?: number;
}): Promise<Report> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '800px';
  iframe.style.height = `${options.height ?? 600}px`;
  const report = new Promise<Report>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if ((event.data as Report | undefined)?.kind !== options.kind) return;
      window.removeEventListener('message', onMessage);
      resolve(event.data as Report);
    };
    window.addEventListener('message', onMessage);
  });
  iframe.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}"></head>
    <body>${options.body ?? ''}<script type="module" src="${options.module}"></script></body></html>`;
  document.body.append(iframe);
  try {
    return await report;
  } finally {
    iframe.remove();
  }
}
