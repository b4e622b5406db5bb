/**
 * The desktop API the preload exposes as `window.clusterlab`: one typed function per IPC
 * message. The renderer imports these types only; the web build provides the same API
 * over localStorage.
 */
export const IPC_CHANNELS = {
  loadProgress: 'progress:load',
  saveProgress: 'progress:save',
  appInfo: 'app:info',
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
   * Desktop only: starts the sandbox process of `slot`; its MessagePort arrives as a window
   * message `{ type: SANDBOX_PORT_MESSAGE, slot }` carrying the port.
   */
  openSandbox?(slot: number): void;
  /** Desktop only: ends the sandbox process of `slot`. */
  closeSandbox?(slot: number): void;
  /** Desktop only: `listener` hears of each sandbox process that ended on its own. */
  onSandboxExit?(listener: (exit: SandboxExit) => void): void;
}

/** Progress files larger than this are refused (a runaway renderer must not fill the disk). */
export const MAX_PROGRESS_BYTES = 5 * 1024 * 1024;
