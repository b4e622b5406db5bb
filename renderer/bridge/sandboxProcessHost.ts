/**
 * The page's side of the desktop app's sandbox processes (electron/sandboxProcesses.ts): the
 * engine worker's pool asks for a slot's process, the main process's MessagePort for it arrives
 * as a window message from the preload and goes on to the engine worker, and a process that ended
 * on its own is reported to it. Null in the web build, which keeps its Web Workers.
 */
import type { ClusterLabDesktopApi, SANDBOX_PORT_MESSAGE, SandboxExit } from '../../electron/preloadApi';

/** The preload's window message with a port (the type makes it match electron/preloadApi.ts). */
const PORT_MESSAGE: typeof SANDBOX_PORT_MESSAGE = 'clusterlab:sandbox-port';

export interface SandboxProcessHost {
  open(slot: number): void;
  close(slot: number): void;
  /** Starts listening; `port` and `exit` are called for slots the host opened. */
  listen(port: (slot: number, port: MessagePort) => void, exit: (exit: SandboxExit) => void): void;
}

/** The host over the desktop API and the page's window messages, or null without sandbox processes. */
export function desktopSandboxHost(
  api: ClusterLabDesktopApi | undefined,
  target: Pick<Window, 'addEventListener'> & { location: { origin: string } },
): SandboxProcessHost | null {
  const { openSandbox, closeSandbox, onSandboxExit } = api ?? {};
  if (!openSandbox || !closeSandbox || !onSandboxExit) return null;
  return {
    open: (slot) => openSandbox(slot),
    close: (slot) => closeSandbox(slot),
    listen(port, exit) {
      target.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data as { type?: unknown; slot?: unknown } | null;
        if (event.source !== target || event.origin !== target.location.origin) return;
        if (data?.type !== PORT_MESSAGE || typeof data.slot !== 'number') return;
        const given = event.ports[0];
        if (given) port(data.slot, given);
      });
      onSandboxExit((e) => exit(e));
    },
  };
}
