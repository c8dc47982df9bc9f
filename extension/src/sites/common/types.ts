import type { CapturedThread, SiteId } from '@comms-log/shared';

/** What every extract() gets besides the document: nothing is read from window, clocks or storage. */
export type ExtractOptions = {
  /** The page URL (the document's own URL may be about:blank in tests). */
  url: string;
  /** "Now" for relative times such as "3 hours ago". */
  now: Date;
  /** IANA zone the site renders wall-clock times in. */
  timeZone: string;
};

/** One site's capture logic, as listed in registry.ts. */
export type SiteAdapter = {
  id: SiteId;
  /** Pure URL predicate: could this URL show a conversation the adapter reads? */
  isThreadPage(url: URL): boolean;
  /** The thread on the page, null when the page shows none; throws SiteChangedError when markup is missing. */
  extract(doc: Document, opts: ExtractOptions): CapturedThread | null;
  /** Where the in-page "Log this" button goes, or null while the app has not rendered it. */
  findButtonAnchor(doc: Document): Element | null;
  /** The site's selectors keyed by meaning (from selectors.ts). */
  selectors: Record<string, string>;
};
