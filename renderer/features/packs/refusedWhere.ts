/**
 * Where a refused pack's problem is, in the app's language: the checks of a pack say what is wrong
 * in English (shown below it as the CLI prints it, field path included), so another language frames it.
 */
import { i18n } from '../../i18n/i18n';
import type { PackRefusal } from './packStore';

export function refusedWhere(where: NonNullable<PackRefusal['where']>): string {
  const t = i18n.getFixedT(null, 'packs');
  const place =
    where.line === null
      ? t('refusedFile', { file: where.file })
      : t('refusedLine', { file: where.file, line: where.line, column: where.column ?? 1 });
  return where.field ? t('refusedField', { place, field: where.field }) : t('refusedPlace', { place });
}
