import type { SiteId } from '@comms-log/shared';

/**
 * A required element is missing: the site's markup changed under the adapter. The message names only the
 * site and the selector key, never page text, so it can be reported without leaking the user's mail.
 */
export class SiteChangedError extends Error {
  readonly site: SiteId;
  readonly selectorKey: string;

  constructor(site: SiteId, selectorKey: string, detail?: string) {
    super(`${site}: required element "${selectorKey}" not found${detail ? ` (${detail})` : ''}`);
    this.name = 'SiteChangedError';
    this.site = site;
    this.selectorKey = selectorKey;
  }
}

export function isSiteChangedError(err: unknown): err is SiteChangedError {
  return err instanceof SiteChangedError;
}
