import type { SiteId } from '@comms-log/shared';
import { SiteChangedError } from './site-changed-error';

type Root = ParentNode;

/** The first match of a required selector; a miss means the site changed, reported by key. */
export function requireOne<E extends Element = Element>(root: Root, site: SiteId, key: string, selector: string): E {
  const el = root.querySelector<E>(selector);
  if (!el) throw new SiteChangedError(site, key);
  return el;
}

/** The first match of a selector that may legitimately be absent. */
export function optionalOne<E extends Element = Element>(root: Root, selector: string): E | null {
  return root.querySelector<E>(selector);
}

/** Every match, as an array. */
export function all<E extends Element = Element>(root: Root, selector: string): E[] {
  return Array.from(root.querySelectorAll<E>(selector));
}

/** Every match, at least one: an empty list means the site changed. */
export function requireSome<E extends Element = Element>(root: Root, site: SiteId, key: string, selector: string): E[] {
  const found = all<E>(root, selector);
  if (found.length === 0) throw new SiteChangedError(site, key);
  return found;
}

/** A required attribute of an element that was found; a missing or empty value is reported by key. */
export function requireAttr(el: Element, site: SiteId, key: string, name: string): string {
  const value = el.getAttribute(name);
  if (value === null || value.trim() === '') throw new SiteChangedError(site, key, `attribute ${name}`);
  return value;
}
