/**
 * The order of the home page's list of labs: grouped by the cookbook's parts (foundations, batch,
 * streaming, production), the catalogue's order within a group. "Start the first lab" opens the
 * first available lab of this order, the one the list shows first.
 */
import { LAB_CATALOGUE, type LabEntry } from '../../labs/catalogue';

/** A group of the list: `title` is its key in the app namespace (locales/<language>/app.json, labList). */
export interface LabGroup {
  title: string;
  labs: LabEntry[];
}

const GROUPS: { title: string; match: (chapter: number) => boolean }[] = [
  { title: 'labList.groupFoundations', match: (c) => c === 13 || c === 15 || c === 19 },
  { title: 'labList.groupBatch', match: (c) => c === 20 },
  { title: 'labList.groupStreaming', match: (c) => c === 12 || c === 21 || c === 24 || c === 25 },
  { title: 'labList.groupProduction', match: (c) => c >= 22 && c !== 24 && c !== 25 },
];

function groupOf(lab: LabEntry): number {
  const chapter = Number(lab.chapters[0]!.split('.')[0]);
  const index = GROUPS.findIndex((g) => g.match(chapter));
  return index < 0 ? GROUPS.length - 1 : index;
}

/** The list's groups in the order shown, each with its labs in the order shown; empty groups left out. */
export function labListOrder(catalogue: readonly LabEntry[] = LAB_CATALOGUE): LabGroup[] {
  return GROUPS.map((group, g) => ({ title: group.title, labs: catalogue.filter((lab) => groupOf(lab) === g) })).filter(
    (group) => group.labs.length > 0,
  );
}

/** The first available lab the list shows (what "Start the first lab" opens). */
export function firstListedLab(catalogue: readonly LabEntry[] = LAB_CATALOGUE): LabEntry | undefined {
  return labListOrder(catalogue)
    .flatMap((group) => group.labs)
    .find((lab) => lab.available);
}
