import { i18n } from '../i18n/i18n';
import { learnerMessage } from './learnerMessage';
import { isQuotaError } from './quotaError';

/**
 * The notice for a failed save. The desktop store's messages are its own sentences; the browser's
 * storage errors are raw English ("Failed to execute 'setItem' on 'Storage': …"), so the web build
 * says in the app's language what happened and what to do.
 */
export function saveFailedText(error: unknown, web: boolean): string {
  if (!web) return i18n.t('app:progress.saveFailed', { error: learnerMessage(error) });
  return i18n.t(isQuotaError(error) ? 'app:progress.storageFull' : 'app:progress.storageRefused');
}
