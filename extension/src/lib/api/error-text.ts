import type { MessageKey } from '../i18n';
import type { StoredError } from './error';

type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

/** An API failure in words a person can act on (pages and the popup's first paint alike). */
export function errorText(t: Translate, error: StoredError): string {
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
