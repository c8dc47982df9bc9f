/**
 * The few extension APIs that tests run inside the browser (in the service worker or an extension page, through
 * Playwright's `evaluate`). Declared here because the test package does not depend on the browser's typings.
 */
declare const chrome: {
  storage: {
    local: {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      getBytesInUse(keys?: string | string[] | null): Promise<number>;
    };
  };
  action: {
    getBadgeText(details: { tabId?: number }): Promise<string>;
    getBadgeBackgroundColor(details: { tabId?: number }): Promise<[number, number, number, number]>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(query: Record<string, unknown>): Promise<{ id?: number; url?: string; title?: string }[]> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; js?: string[]; matches?: string[] }[]> };
};

/** What the "Log this page as coverage" menu item calls, put on the service worker's scope for tests. */
declare const commsLogCoverage: {
  logPageAsCoverage(tab: { id?: number; url?: string; title?: string }, pageUrl?: string): Promise<void>;
};
