/**
 * The texts of the cookbook's figures (features/figures), in the page's language: the drawings are
 * plain SVG functions called on every frame of the playback, so they read their words here rather
 * than through a hook. CookbookFigurePanel remounts a drawing when the language changes.
 */
import { i18n } from './i18n';

export function tr(key: string, options?: Record<string, unknown>): string {
  return i18n.t(`figures:${key}`, options);
}
