import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { SiteId } from '@comms-log/shared';
import { ms, orgs, users } from '../schema';

/*
 * Site health (docs/architecture.md "Content scripts"): how often a site adapter could not read a page, as each
 * browser counted it. A row is one browser's running total for one site, adapter version, missing field and host;
 * never page text and never a URL beyond the host. Conventions as in ../schema.ts.
 */
export const siteFailures = sqliteTable(
  'site_failures',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** A random id of the reporting browser (extension storage), so a total sent twice counts once. */
    clientId: text('client_id').notNull(),
    /** Who reported it last. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    site: text('site').$type<SiteId>().notNull(),
    adapterVersion: text('adapter_version').notNull(),
    /** The selector key the adapter could not find. */
    field: text('field').notNull(),
    host: text('host').notNull(),
    count: integer('count').notNull(),
    firstAt: ms('first_at').notNull(),
    lastAt: ms('last_at').notNull(),
    reportedAt: ms('reported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.clientId, t.site, t.adapterVersion, t.field, t.host] })],
);
