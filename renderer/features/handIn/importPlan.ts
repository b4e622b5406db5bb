/**
 * What importing a file would do, worked out before anything changes: refused (every problem with
 * its file:line:column and field), a lab pack (not progress: opened elsewhere), or ready, with what
 * is kept, what is left out (a partial file) and what would change. Pure: the dialog shows the
 * plan, and only the learner's confirmation applies it (after a backup of the current progress).
 */
import { HAND_IN_LIMITS, knownLabsOf, type HandIn, type HandInProblem } from '../../../labs/handIn/handInFile';
import { parseHandIn } from '../../../labs/handIn/parseHandIn';
import { importHandIn, type ImportSummary } from '../../../labs/handIn/importHandIn';
import type { Lab } from '../../../labs/labTypes';
import type { Progress } from '../../state/progress';
import { classifyClusterlabText, shownFileName } from './openedFiles';
import { i18n } from '../../i18n/i18n';
import { count } from '../../i18n/numberFormat';
import { savedChars } from './webStorageRoom';

export type ImportPlan =
  | { kind: 'refused'; file: string; problems: HandInProblem[] }
  | { kind: 'pack'; file: string }
  /** A good file whose progress the web build's storage cannot hold (`chars` of it, `room` left): refused. */
  | { kind: 'tooLarge'; file: string; chars: number; room: number }
  | {
      kind: 'ready';
      file: string;
      handIn: HandIn;
      /** Errors: labs or steps left out (the file is partial); warnings: kept (a lab this build does not know). */
      problems: HandInProblem[];
      partial: boolean;
      /** What applying it to the current progress would change. */
      preview: ImportSummary;
    };

/** A file too large to read is refused before it is read (File.size). */
export function sizeProblem(name: string, bytes: number): HandInProblem | null {
  if (bytes <= HAND_IN_LIMITS.fileBytes) return null;
  return {
    severity: 'error',
    file: shownFileName(name),
    line: null,
    column: null,
    path: '',
    message: i18n.t('handIn:tooLarge', { bytes: count(bytes), limit: count(HAND_IN_LIMITS.fileBytes) }),
  };
}

export function planImport(
  name: string,
  text: string,
  current: Progress,
  labs: readonly Lab[],
  now: number,
  /** Characters the web build's storage has left for the progress (webStorageRoom.ts); null on the desktop. */
  room: number | null = null,
): ImportPlan {
  const file = shownFileName(name);
  if (text.length <= HAND_IN_LIMITS.fileBytes && classifyClusterlabText(text).kind === 'pack')
    return { kind: 'pack', file };
  const parsed = parseHandIn(text, file, knownLabsOf(labs));
  if (!parsed.handIn) return { kind: 'refused', file, problems: parsed.problems };
  const { summary } = importHandIn(current, parsed.handIn, now);
  if (room !== null) {
    // Saving what localStorage cannot hold fails after the import, and the import is lost on reload.
    const chars = savedChars(applyImport(current, parsed.handIn, now).progress);
    if (chars > room) return { kind: 'tooLarge', file, chars, room };
  }
  return {
    kind: 'ready',
    file,
    handIn: parsed.handIn,
    problems: parsed.problems,
    partial: parsed.problems.some((p) => p.severity === 'error'),
    preview: summary,
  };
}

/** The progress after importing `handIn` into `current` (the newest progress at the moment of confirming). */
export function applyImport(
  current: Progress,
  handIn: HandIn,
  now: number,
): { progress: Progress; summary: ImportSummary } {
  const { progress, summary } = importHandIn(current, handIn, now);
  // A name the file carries becomes the learner's (their variants follow it) unless they already set one.
  const studentName = current.studentName ?? handIn.student.name;
  return { progress: { ...progress, studentName }, summary };
}
