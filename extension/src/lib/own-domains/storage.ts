import { storage } from 'wxt/utils/storage';
import type { OwnDomain } from './own-domain';

/** The own domains added in Options, kept across browser restarts (the registrations are rebuilt from it). */
export const ownDomainsItem = storage.defineItem<OwnDomain[]>('local:ownDomains', { fallback: [] });
