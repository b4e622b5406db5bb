/**
 * The labs whose content ships: validated once when first asked for, in catalogue order. The
 * app, the CLI and the tests find labs here by id.
 */
import { hdfsBlocksLab } from './hdfsBlocks/hdfsBlocksLab';
import { iotAveragesLab } from './iotAverages/iotAveragesLab';
import type { Lab } from './labTypes';
import { sparkInMemoryLab } from './sparkInMemory/sparkInMemoryLab';
import { validateLab } from './validateLab';

/** Every lab with content, each validated (a broken lab fails loudly, naming lab and field). */
export const LABS: readonly Lab[] = [hdfsBlocksLab, iotAveragesLab, sparkInMemoryLab].map(validateLab);

export function findLab(id: string): Lab | undefined {
  return LABS.find((l) => l.id === id);
}
