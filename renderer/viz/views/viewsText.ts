/**
 * The views' words in the page's language (namespace `views`, i18n/locales/<language>/views.json):
 * the sentences here are built in plain functions called on every frame of the playback, so they
 * read their texts through the app's i18next instance rather than a hook. The panels re-render on
 * a change of language (useTranslation), and these then answer in the new one.
 */
import { i18n } from '../../i18n/i18n';

export function viewsText(key: string, options?: Record<string, unknown>): string {
  return i18n.t(`views:${key}`, options);
}
