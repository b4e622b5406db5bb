/** The localStorage key of the web build's saved progress (read by desktopApi.ts and tabSync.ts). */
export const STORAGE_KEY = 'clusterlab.progress.v1';
