/**
 * Opens a lab pack's archive text as the learner does (the home page's file picker, or a
 * `.clusterlab` file opened with the desktop app): the home page shows the result, a refused
 * pack's message, or the question whether to replace the open version of the same pack.
 */
import { useAppStore } from '../../state/store';
import { setPackFileHandler } from '../handIn/openedFiles';
import { askAboutPack } from './packConfirm';
import { openPackArchive } from './packStore';

export async function openPackText(name: string, text: string): Promise<void> {
  if (useAppStore.getState().view.name !== 'home') useAppStore.getState().navigate({ name: 'home' });
  await openPackArchive(name, text, (old) => askAboutPack('replace', old.manifest.name));
}

setPackFileHandler(openPackText);
