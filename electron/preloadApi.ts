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
}

/** Progress files larger than this are refused (a runaway renderer must not fill the disk). */
export const MAX_PROGRESS_BYTES = 5 * 1024 * 1024;
