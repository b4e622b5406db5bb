/** --lang of `run`, `check` and `grade`: the languages it takes and its parser. */
import { UsageError } from './cliIo';
import { oneLine } from './terminalSafeIo';
import { LAB_LOCALES } from '../labs/labTranslationTypes';
import type { UiLocale } from '../labs/labLocale';

/** The languages --lang takes: English and every locale the labs are translated into. */
export const LANGUAGES: readonly UiLocale[] = ['en', ...LAB_LOCALES];

/** The value of --lang (the next argument, or after '='), or a usage error naming the languages. */
export function parseLang(value: string | undefined): UiLocale {
  if (value === undefined || !LANGUAGES.includes(value as UiLocale))
    throw new UsageError(
      `--lang needs one of ${LANGUAGES.join(', ')}, got ${value === undefined ? 'nothing' : `'${oneLine(value).slice(0, 20)}'`}`,
    );
  return value as UiLocale;
}
