/**
 * The one router for `.clusterlab` text, wherever it comes from (a file opened with the desktop
 * app, or the import dialog's file picker): a student's progress (`format: 'clusterlab-progress'`)
 * goes to the import dialog, which applies it only after the learner confirms; a teacher's lab
 * pack (`format: 'clusterlab-pack'`) goes to the handler the pack feature registers with
 * setPackFileHandler; anything else gets a message naming the file.
 */
import { HAND_IN_FORMAT, PACK_FORMAT } from '../../../labs/handIn/handInFile';

export type ClusterlabKind =
  | { kind: 'hand-in' }
  | { kind: 'pack' }
  /** `reason` is a key of the handIn namespace's `notClusterlab` texts; `detail` fills it in. */
  | { kind: 'unknown'; reason: 'notJson' | 'notObject' | 'noFormat' | 'otherFormat'; detail: string };

/** Where the top-level `"format"` field says what the text is: read without parsing the rest. */
export function classifyClusterlabText(text: string): ClusterlabKind {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'unknown', reason: 'notJson', detail: (error as Error).message.slice(0, 200) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { kind: 'unknown', reason: 'notObject', detail: Array.isArray(data) ? 'array' : typeof data };
  const format = (data as Record<string, unknown>).format;
  if (format === HAND_IN_FORMAT) return { kind: 'hand-in' };
  if (format === PACK_FORMAT) return { kind: 'pack' };
  if (format === undefined) return { kind: 'unknown', reason: 'noFormat', detail: '' };
  return { kind: 'unknown', reason: 'otherFormat', detail: JSON.stringify(format).slice(0, 60) };
}

export type PackFileHandler = (name: string, text: string) => Promise<void>;
export type HandInFileHandler = (name: string, text: string) => void;
/** A pack file with no pack handler, or a file that is neither: the app shows `notice` (a handIn key and its values). */
export type NoticeHandler = (notice: { key: string; values: Record<string, string> }) => void;

let packHandler: PackFileHandler | null = null;
let handInHandler: HandInFileHandler | null = null;
let noticeHandler: NoticeHandler | null = null;

/** The pack feature registers how a pack file is opened (null: unregister). */
export function setPackFileHandler(handler: PackFileHandler | null): void {
  packHandler = handler;
}

/** The import dialog registers itself here (features/handIn/HandInDialogs.tsx). */
export function setHandInFileHandler(handler: HandInFileHandler | null): void {
  handInHandler = handler;
}

/** Where notices about opened files are shown (features/handIn/HandInDialogs.tsx). */
export function setOpenedFileNoticeHandler(handler: NoticeHandler | null): void {
  noticeHandler = handler;
}

/** The file's name as shown in a message: no folder, at most 120 characters. */
export function shownFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.length > 120 ? `${base.slice(0, 119)}…` : base || '(unnamed file)';
}

/**
 * Routes one `.clusterlab` text. Returns what it was, so a caller (the import dialog's picker)
 * can show the outcome in place; never throws (a pack handler's failure becomes a notice).
 */
export async function routeClusterlabFile(name: string, text: string): Promise<ClusterlabKind> {
  const kind = classifyClusterlabText(text);
  const file = shownFileName(name);
  if (kind.kind === 'hand-in') {
    if (handInHandler) handInHandler(name, text);
    else noticeHandler?.({ key: 'notice.notReady', values: { file } });
  } else if (kind.kind === 'pack') {
    if (packHandler) {
      try {
        await packHandler(name, text);
      } catch (error) {
        noticeHandler?.({
          key: 'notice.packFailed',
          values: { file, message: String((error as Error)?.message ?? error) },
        });
      }
    } else noticeHandler?.({ key: 'notice.packFromHome', values: { file } });
  } else noticeHandler?.({ key: `notClusterlab.${kind.reason}`, values: { file, detail: kind.detail } });
  return kind;
}

let listening = false;

/** Feeds the desktop app's opened `.clusterlab` files to the router; once per page (no-op on the web). */
export function listenForOpenedFiles(api: {
  onOpenFile?(listener: (file: { name: string; text: string }) => void): void;
}): void {
  if (listening || !api.onOpenFile) return;
  listening = true;
  api.onOpenFile((file) => void routeClusterlabFile(file.name, file.text));
}
