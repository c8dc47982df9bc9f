import type { SiteId } from '@comms-log/shared';

/** One time an adapter could not read a page: which site, adapter version and field, on which host. */
export type SiteFailure = { site: SiteId; adapterVersion: string; field: string; host: string };
