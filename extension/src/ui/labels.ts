import type { CaptureLevel, IdentityKind, Role } from '@comms-log/shared';
import type { StoredError } from '../lib/api/error';
import type { MessageKey } from '../lib/i18n';
import type { T } from './use-t';

export const roleKey: Record<Role, MessageKey> = { staff: 'roleStaff', manager: 'roleManager', admin: 'roleAdmin' };

export const captureLevelKey: Record<CaptureLevel, MessageKey> = {
  metadata: 'captureMetadata',
  subject: 'captureSubject',
  snippet: 'captureSnippet',
};

export const identityKindKey: Record<IdentityKind, MessageKey> = {
  email: 'dashIdEmail',
  domain: 'dashIdDomain',
  weibo: 'dashIdWeibo',
  jira: 'dashIdJira',
  trello: 'dashIdTrello',
  phone: 'dashIdPhone',
};

/** An API failure in words a person can act on. */
export function errorText(t: T, error: StoredError): string {
  switch (error.code) {
    case 'not-configured':
      return t('errNotConfigured');
    case 'network':
      return t('errNetwork');
    case 'unauthorized':
      return t('errUnauthorized');
    case 'forbidden':
      return t('errForbidden', error.detail);
    case 'invalid':
      return t('errInvalid', error.detail);
    case 'server':
      return t('errServer', error.detail);
    default:
      return t('errUnknown', error.detail || error.code);
  }
}
