import { describe, expect, it } from 'vitest';
import { isExternalLink, resolveLink } from './links.js';

const page = 'https://app.example.com/projects/7?tab=1';

describe('resolveLink', () => {
  it('resolves relative links against the page and keeps them on the site', () => {
    expect(resolveLink('/help', page)).toEqual({ href: 'https://app.example.com/help', kind: 'http', external: false });
    expect(resolveLink('./a', page)?.href).toBe('https://app.example.com/projects/a');
    expect(resolveLink('?q=1', page)?.href).toBe('https://app.example.com/projects/7?q=1');
    expect(resolveLink('#top', page)?.external).toBe(false);
    expect(resolveLink('https://app.example.com/x', page)?.external).toBe(false);
  });

  it('judges off-site links by where they resolve, whatever they look like', () => {
    for (const url of ['//evil.example/x', '/\\evil.example/x', '/\\/evil.example/x', 'https://evil.example/x', 'HTTP://app.example.com/x', 'https://app.example.com:8443/x']) {
      const link = resolveLink(url, page);
      expect(link?.external, url).toBe(true);
    }
    expect(resolveLink('/\\evil.example/phish', page)?.href).toBe('https://evil.example/phish');
    expect(isExternalLink('//evil.example/x', 'https://app.example.com')).toBe(true);
    expect(isExternalLink('/docs', 'https://app.example.com')).toBe(false);
  });

  it('treats mailto and tel as same-tab hand-offs, and refuses everything else', () => {
    expect(resolveLink('mailto:help@app.example.com', page)).toMatchObject({ kind: 'mailto', external: false });
    expect(resolveLink('tel:+37060000000', page)).toMatchObject({ kind: 'tel', external: false });
    for (const url of ['javascript:alert(1)', 'data:text/html,x', ' https://a.example', 'help.html']) expect(resolveLink(url, page), url).toBeNull();
    expect(isExternalLink('javascript:alert(1)', page)).toBe(true);
  });

  it('counts every http(s) link as external on a page without an origin', () => {
    expect(resolveLink('https://a.example/', 'about:blank')?.external).toBe(true);
    expect(resolveLink('/x', 'not a url')).toBeNull();
  });
});
