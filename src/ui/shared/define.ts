/**
 * Guarded custom-element registration. An SDK injected into someone else's page is often
 * loaded twice: define once, warn on a version clash, never throw.
 */
export const WAYMARK_UI_VERSION = '0.1.0';

/** A custom element class that carries the Waymark version it was built with. */
export interface VersionedElement extends CustomElementConstructor {
  readonly waymarkVersion?: string;
}

export type DefineWarning = (message: string) => void;

/**
 * Register `ctor` as `tag`. Returns the tag under which *this* class is usable: `tag`, or, when
 * another version already owns `tag`, a versioned tag such as `wm-tour-v0-1-0`.
 */
export function defineElement(
  registry: CustomElementRegistry,
  tag: string,
  ctor: VersionedElement,
  warn: DefineWarning = (message) => console.warn(message),
): string {
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing === ctor) return tag;
  if (!existing) return tryDefine(registry, tag, ctor, warn) ? tag : (registry.getName?.(ctor) ?? tag);
  const theirs = existing.waymarkVersion ?? 'unknown';
  const ours = ctor.waymarkVersion ?? WAYMARK_UI_VERSION;
  if (theirs !== ours) {
    warn(`[waymark] <${tag}> is already defined by Waymark ${theirs}; this copy (${ours}) uses a versioned tag. Load Waymark once per page.`);
  }
  const versioned = `${tag}-v${ours.replace(/[^a-z0-9]/gi, '-')}`;
  const registered = registry.get(versioned);
  if (registered === ctor) return versioned;
  // The same class cannot be defined under two names: only possible when `tag` is free of us.
  const name = registry.getName?.(ctor);
  if (name) return name;
  return tryDefine(registry, versioned, ctor, warn) ? versioned : tag;
}

function tryDefine(registry: CustomElementRegistry, tag: string, ctor: CustomElementConstructor, warn: DefineWarning): boolean {
  try {
    registry.define(tag, ctor);
    return true;
  } catch (error) {
    warn(`[waymark] could not define <${tag}>: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
