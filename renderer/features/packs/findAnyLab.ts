/** Finds a lab by id among the built-in labs and the labs of the open lab packs (packStore.ts). */
import { findLab } from '../../../labs/labRegistry';
import type { Lab } from '../../../labs/labTypes';
import { packOfLab } from './packStore';

export function findAnyLab(labId: string): Lab | undefined {
  return findLab(labId) ?? packOfLab(labId)?.labs.find((l) => l.id === labId);
}
