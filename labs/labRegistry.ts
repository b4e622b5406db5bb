/**
 * The labs whose content ships (labList.ts, one line each), validated when the registry loads
 * and ordered by their first cookbook chapter (then id), so the order never depends on how a
 * bundler lists a module's exports. The app, the CLI and the tests find labs here by id.
 */
import { CATALOGUE_TRANSLATIONS } from './catalogueTranslations';
import { compareChapters } from './chapterOrder';
import * as labList from './labList';
import { LAB_LOCALES, type Lab } from './labTypes';
import { LabValidationError, validateLab } from './validateLab';

/**
 * The lab with the catalogue translations (catalogueTranslations.ts) of the locales it has no
 * translation of its own for: a copy, so the lab module's own object stays as written.
 */
function withCatalogueTranslations(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const lab = raw as Partial<Lab>;
  const added = LAB_LOCALES.filter(
    (l) => lab.translations?.[l] === undefined && Object.hasOwn(CATALOGUE_TRANSLATIONS[l], String(lab.id)),
  );
  if (added.length === 0) return raw;
  const translations = { ...lab.translations };
  for (const l of added) translations[l] = { partial: 'catalogue', ...CATALOGUE_TRANSLATIONS[l][String(lab.id)]! };
  return { ...lab, translations };
}

/** Every lab with content, each validated (a broken lab fails loudly, naming lab and field). */
export const LABS: readonly Lab[] = Object.values(labList as Record<string, unknown>)
  .map(withCatalogueTranslations)
  .map((raw) => validateLab(raw))
  .sort((a, b) => compareChapters(a.chapters[0]!, b.chapters[0]!) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const ids = new Set<string>();
for (const lab of LABS) {
  if (ids.has(lab.id)) throw new LabValidationError(lab.id, 'id', 'another lab in labs/labList.ts has this id');
  ids.add(lab.id);
}

export function findLab(id: string): Lab | undefined {
  return LABS.find((l) => l.id === id);
}
