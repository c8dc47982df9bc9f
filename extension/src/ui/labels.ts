import type { CaptureLevel, IdentityKind, Role } from '@comms-log/shared';
import type { MessageKey } from '../lib/i18n';

export { errorText } from '../lib/api/error-text';

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
