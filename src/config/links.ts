/**
 * Where a config link really goes. `isSafeUrl` judges the scheme as written; browsers then resolve
 * the link against the page, and `//evil.example/x` or `/\evil.example/x` (a backslash counts as a
 * slash in http(s) URLs) leave the site although they start with "/". Every same-tab / new-tab
 * decision is therefore made on the resolved origin, here.
 */
import { isSafeUrl } from './rich-text.js';

// The pure layers compile without the DOM lib; the WHATWG URL parser exists in every runtime Waymark supports.
declare const URL: new (url: string, base?: string) => { readonly href: string; readonly origin: string; readonly protocol: string };

export interface ResolvedLink {
  /** The absolute URL the browser would follow. */
  href: string;
  /** `http` (http: or https:), `mailto` or `tel`. */
  kind: 'http' | 'mailto' | 'tel';
  /** An http(s) link to another origin than the page's: open it in a new tab and say so. */
  external: boolean;
}

/**
 * Resolve `url` against `base` (the page's URL or origin). Null when the link is not safe
 * (see `isSafeUrl`), cannot be parsed, or resolves to another scheme.
 */
export function resolveLink(url: string, base: string): ResolvedLink | null {
  if (!isSafeUrl(url)) return null;
  let resolved: { href: string; origin: string; protocol: string };
  let page: { origin: string } | undefined;
  try {
    page = new URL(base);
  } catch {
    page = undefined;
  }
  try {
    resolved = new URL(url, page ? base : undefined);
  } catch {
    return null;
  }
  const protocol = resolved.protocol.toLowerCase();
  if (protocol === 'mailto:' || protocol === 'tel:') return { href: resolved.href, kind: protocol === 'mailto:' ? 'mailto' : 'tel', external: false };
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  // An opaque page origin ("null": file:, about:blank) is never "the same site".
  const sameOrigin = page !== undefined && page.origin !== 'null' && resolved.origin === page.origin;
  return { href: resolved.href, kind: 'http', external: !sameOrigin };
}

/** True when `url` leaves the page's origin once resolved (unsafe and unparsable links count as external). */
export function isExternalLink(url: string, base: string): boolean {
  const link = resolveLink(url, base);
  return link === null || link.external;
}
