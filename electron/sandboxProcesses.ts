/**
 * The desktop app runs learners' code in Electron utility processes, one per sandbox worker of the
 * page's pool: a memory bomb ends that process and its run, with a message, never the page. The
 * page's engine worker asks for a sandbox slot (`sandbox:open`); this module starts the bundled
 * sandbox entry (dist/electron/sandboxWorker.cjs, built from cli/sandboxWorker.ts, which the CLI
 * runs as a child process too) with its own heap limit, and hands each end of a new
 * MessageChannelMain to the process and to the page: from then on they talk directly. A process
 * that ends on its own is reported to the page (`sandbox:exit`, with the reason in the learner's
 * terms); one whose resident size (ArrayBuffers included, which the heap limit does not count)
 * passes its limit is killed and reported the same way. A page that navigates, reloads or dies
 * loses its processes. Every message is validated: the app's own main frame only, a slot number,
 * at most MAX_SANDBOXES live processes per page.
 */
import { assertTrustedSender, IpcValidationError, type SenderInfo } from './ipcValidation';
import { SANDBOX_CHANNELS, type SandboxExit } from './preloadApi';

/** Live sandbox processes a page may have (its pool has at most 4 workers). */
export const MAX_SANDBOXES = 16;
/** Heap limit of each sandbox process (MB), as the CLI's default. */
export const SANDBOX_HEAP_MB = 1024;
/** Resident size a sandbox process may reach (MB): the heap plus room for ArrayBuffers and code. */
export const SANDBOX_RESIDENT_MB = SANDBOX_HEAP_MB + 512;
/** How often resident sizes are looked at (ms). */
const MEMORY_WATCH_MS = 500;

/** The parts of Electron's UtilityProcess used here; tests pass a fake. */
export interface UtilityChild {
  readonly pid: number | undefined;
  postMessage(message: unknown, transfer?: unknown[]): void;
  kill(): boolean;
  on(event: 'exit', listener: (code: number) => void): void;
}

/** The page that asked: Electron's WebContents, as far as used here. */
export interface SandboxPage {
  readonly id: number;
  postMessage(channel: string, message: unknown, transfer?: unknown[]): void;
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): void;
  on(event: 'render-process-gone' | 'did-start-navigation', listener: (...args: unknown[]) => void): void;
}

export interface SandboxProcessDeps {
  /** utilityProcess.fork(entry, [], { serviceName, execArgv, stdio: 'ignore' }). */
  fork(serviceName: string, execArgv: string[]): UtilityChild;
  /** new MessageChannelMain(). */
  channel(): { port1: unknown; port2: unknown };
  /** Resident size (MB) of each live process by pid (app.getAppMetrics()). */
  residentMb(): Map<number, number>;
  log(message: string): void;
}

export interface SandboxIpcMain {
  on(channel: string, listener: (event: SenderInfo & { sender: SandboxPage }, ...args: unknown[]) => void): void;
}

/** Why a sandbox process ended, from Electron's child-process-gone reason (if known) and its exit code. */
export function sandboxExitReason(reason: string | undefined, code: number): string {
  const memory = `it used more than its memory limit of ${SANDBOX_HEAP_MB.toLocaleString('en')} MB`;
  if (reason === 'oom') return memory;
  if (reason === 'killed') return `${memory}, or the system stopped it`;
  if (reason === 'clean-exit' || (reason === undefined && code === 0)) return 'it stopped unexpectedly';
  return `${memory} (it crashed, exit ${code})`;
}

function slotOf(args: unknown[], channel: string): number {
  const payload = args[0] as { slot?: unknown } | undefined;
  if (args.length !== 1 || typeof payload !== 'object' || payload === null)
    throw new IpcValidationError(`${channel}: takes one { slot } argument`);
  const slot = payload.slot;
  if (typeof slot !== 'number' || !Number.isSafeInteger(slot) || slot < 0)
    throw new IpcValidationError(`${channel}: slot must be a non-negative integer`);
  return slot;
}

interface Live {
  child: UtilityChild;
  page: SandboxPage;
  slot: number;
  ended: boolean;
}

export function registerSandboxProcesses(ipcMain: SandboxIpcMain, deps: SandboxProcessDeps) {
  const pages = new Map<number, Map<number, Live>>();
  /** Why each service's process ended, from app's child-process-gone (it may come before 'exit'). */
  const goneReasons = new Map<string, string>();
  let started = 0;
  let watch: ReturnType<typeof setInterval> | null = null;

  const report = (live: Live, why: string) => {
    if (!live.page.isDestroyed()) live.page.send(SANDBOX_CHANNELS.exit, { slot: live.slot, why } satisfies SandboxExit);
  };
  const end = (live: Live, why: string | null) => {
    if (live.ended) return;
    live.ended = true;
    pages.get(live.page.id)?.delete(live.slot);
    live.child.kill();
    if (why !== null) report(live, why);
  };
  const endPage = (page: SandboxPage) => {
    for (const live of [...(pages.get(page.id)?.values() ?? [])]) end(live, null);
    pages.delete(page.id);
  };
  const watchMemory = () => {
    watch ??= setInterval(() => {
      const all = [...pages.values()].flatMap((m) => [...m.values()]);
      if (all.length === 0) {
        clearInterval(watch!);
        watch = null;
        return;
      }
      const sizes = deps.residentMb();
      for (const live of all) {
        const mb = live.child.pid === undefined ? undefined : sizes.get(live.child.pid);
        if (mb !== undefined && mb > SANDBOX_RESIDENT_MB)
          end(
            live,
            `it used more than the sandbox's memory limit of ${SANDBOX_RESIDENT_MB.toLocaleString('en')} MB, ArrayBuffers and typed arrays included`,
          );
      }
    }, MEMORY_WATCH_MS);
  };

  const open = (page: SandboxPage, slot: number) => {
    let mine = pages.get(page.id);
    if (!mine) {
      mine = new Map();
      pages.set(page.id, mine);
      page.once('destroyed', () => endPage(page));
      page.on('render-process-gone', () => endPage(page));
      page.on('did-start-navigation', (...args: unknown[]) => {
        // (event, url, isInPlace, isMainFrame): a main-frame navigation or reload starts a new page.
        if (args[3] === true && args[2] !== true) endPage(page);
      });
    }
    const old = mine.get(slot);
    if (old) end(old, null);
    if (mine.size >= MAX_SANDBOXES) {
      deps.log(`refused a sandbox process: page ${page.id} already has ${MAX_SANDBOXES}`);
      page.send(SANDBOX_CHANNELS.exit, {
        slot,
        why: `the app already runs ${MAX_SANDBOXES} sandbox processes for this page`,
      } satisfies SandboxExit);
      return;
    }
    const serviceName = `ClusterLab sandbox ${++started}`;
    const child = deps.fork(serviceName, [
      `--max-old-space-size=${SANDBOX_HEAP_MB}`,
      '--disallow-code-generation-from-strings',
    ]);
    const live: Live = { child, page, slot, ended: false };
    mine.set(slot, live);
    child.on('exit', (code) => {
      const reason = goneReasons.get(serviceName);
      goneReasons.delete(serviceName);
      end(live, sandboxExitReason(reason, code));
    });
    const { port1, port2 } = deps.channel();
    child.postMessage({ type: 'port' }, [port1]);
    page.postMessage(SANDBOX_CHANNELS.port, { slot }, [port2]);
    watchMemory();
  };

  ipcMain.on(SANDBOX_CHANNELS.open, (event, ...args) => {
    try {
      assertTrustedSender(event, SANDBOX_CHANNELS.open);
      open(event.sender, slotOf(args, SANDBOX_CHANNELS.open));
    } catch (error) {
      deps.log(error instanceof Error ? error.message : String(error));
    }
  });
  ipcMain.on(SANDBOX_CHANNELS.close, (event, ...args) => {
    try {
      assertTrustedSender(event, SANDBOX_CHANNELS.close);
      const live = pages.get(event.sender.id)?.get(slotOf(args, SANDBOX_CHANNELS.close));
      if (live) end(live, null);
    } catch (error) {
      deps.log(error instanceof Error ? error.message : String(error));
    }
  });

  return {
    /** app's 'child-process-gone' event: remembers why a sandbox process went. */
    childGone(details: { type: string; reason: string; serviceName?: string }): void {
      if (details.type === 'Utility' && details.serviceName?.startsWith('ClusterLab sandbox '))
        goneReasons.set(details.serviceName, details.reason);
    },
    /** Live sandbox processes (all pages). */
    get live(): number {
      return [...pages.values()].reduce((n, m) => n + m.size, 0);
    },
  };
}
