/**
 * The desktop API the preload exposes as `window.clusterlab`: one typed function per IPC
 * message. The renderer imports these types only; the web build provides the same API
 * over localStorage.
 */
export const IPC_CHANNELS = {
  loadProgress: 'progress:load',
  saveProgress: 'progress:save',
  appInfo: 'app:info',
  backupProgress: 'progress:backup',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/**
 * The sandbox processes' channels (electron/sandboxProcesses.ts): the page asks for a slot's
 * process (`open`) and lets it go (`close`); the main process answers with a MessagePort
 * (`port`, which the preload hands to the page with window.postMessage) and reports a process
 * that ended on its own (`exit`).
 */
export const SANDBOX_CHANNELS = {
  open: 'sandbox:open',
  close: 'sandbox:close',
  port: 'sandbox:port',
  exit: 'sandbox:exit',
} as const;

/** The window message the preload posts to the page with a sandbox process's MessagePort. */
export const SANDBOX_PORT_MESSAGE = 'clusterlab:sandbox-port';

export interface SandboxExit {
  slot: number;
  why: string;
}

/** Saved progress: opaque JSON owned by the renderer, bounded in size. */
export type ProgressData = Record<string, unknown>;

export interface LoadProgressResult {
  data: ProgressData | null;
  /** Set when the saved file was unreadable and was moved aside; the message says where. */
  recovered?: string;
}

export interface AppInfo {
  version: string;
  platform: string;
  userDataPath: string;
}

export interface ClusterLabDesktopApi {
  loadProgress(): Promise<LoadProgressResult>;
  saveProgress(data: ProgressData): Promise<void>;
  appInfo(): Promise<AppInfo>;
  /**
   * Desktop only: writes `data` (the current progress) as a backup file in the user-data folder
   * before an import (electron/progressBackups.ts) and resolves with the file's path.
   */
  backupProgress?(data: ProgressData): Promise<string>;
  /**
   * Desktop only: starts the sandbox process of `slot`; its MessagePort arrives as a window
   * message `{ type: SANDBOX_PORT_MESSAGE, slot }` carrying the port.
   */
  openSandbox?(slot: number): void;
  /** Desktop only: ends the sandbox process of `slot`. */
  closeSandbox?(slot: number): void;
  /** Desktop only: `listener` hears of each sandbox process that ended on its own. */
  onSandboxExit?(listener: (exit: SandboxExit) => void): void;
  /**
   * Desktop only: `listener` hears of each `.clusterlab` file the learner opened with the app
   * (see OPEN_FILE_CHANNEL). Files that arrived before any listener (the file that started the
   * app, say) wait in the preload, up to 16, and go to the first listener that registers.
   */
  onOpenFile?(listener: (file: OpenedFile) => void): void;
}

/**
 * Main → page: a `.clusterlab` file opened with the app (double-clicked, given on the command
 * line, passed to a second start, or macOS's 'open-file'). The main process sends
 * `{ name, text }` (an OpenedFile) on this channel only after reading the file itself: it is a
 * regular `.clusterlab` file of at most MAX_OPEN_FILE_BYTES, valid UTF-8 text with no NUL;
 * a file that fails any of these is refused in a dialog naming the file and never sent. The
 * preload passes only a string `name` and a string `text` on. What the text is — a teacher's
 * lab pack or a student's exported progress, both JSON — is for the page to decide and validate.
 */
export const OPEN_FILE_CHANNEL = 'file:open';

/** The extension of lab packs and exported progress (the installers associate it with the app). */
export const OPEN_FILE_EXTENSION = '.clusterlab';

/** `.clusterlab` files larger than this are refused before they are read. */
export const MAX_OPEN_FILE_BYTES = 32 * 1024 * 1024;

export interface OpenedFile {
  /** The file's name without its folder, e.g. `week3.clusterlab`. */
  name: string;
  /** The file's content, decoded as UTF-8. */
  text: string;
}

/** Progress files larger than this are refused (a runaway renderer must not fill the disk). */
export const MAX_PROGRESS_BYTES = 5 * 1024 * 1024;
