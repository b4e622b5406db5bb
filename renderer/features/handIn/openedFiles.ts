/**
 * Routes an opened `.clusterlab` file by what it holds: a lab pack goes to the handler the packs
 * feature registers here (renderer/features/packs/openPack.ts registers openPackText).
 */
type PackFileHandler = (name: string, text: string) => Promise<void>;

let packHandler: PackFileHandler | null = null;

/** Registers the function that opens a lab pack's archive text (`name`: its file name). */
export function setPackFileHandler(handler: PackFileHandler): void {
  packHandler = handler;
}

/** The registered lab pack opener, or null while none is registered. */
export function packFileHandler(): PackFileHandler | null {
  return packHandler;
}
