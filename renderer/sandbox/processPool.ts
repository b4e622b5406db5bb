/**
 * The desktop app's sandbox pool: the learner's code runs in sandbox processes of the main
 * process (electron/sandboxProcesses.ts), not in Web Workers of the page, so a memory bomb ends
 * its run with a message instead of taking the page down. Used by the engine worker when the page
 * says the desktop offers them. Each worker of the pool is a slot: the engine worker asks the page
 * to open it (`link.open`), the page hands over the process's MessagePort (`portArrived`) and
 * reports a process that ended on its own (`exited`). Requests posted before the port arrives wait.
 */
import { SandboxPoolCore, childCrashError, type SandboxPost, type SandboxRequest } from '../../engine/sandbox';

/** How the engine worker reaches the page about its slots. */
export interface SandboxSlotLink {
  open(slot: number): void;
  close(slot: number): void;
}

export interface ProcessPoolOptions {
  size: number;
  timeoutSeconds: number | null;
  log: (text: string) => void;
  link: SandboxSlotLink;
  /** The first slot number (slots stay unique across engine workers of one page). */
  firstSlot: number;
}

interface Slot {
  port: MessagePort | null;
  waiting: SandboxRequest[];
  onMessage: (reply: SandboxPost) => void;
  onError: (error: Error) => void;
}

export interface ProcessPool {
  pool: SandboxPoolCore;
  /** The page handed over the MessagePort of `slot`'s process. */
  portArrived(slot: number, port: MessagePort): void;
  /** `slot`'s process ended on its own: `why` in the learner's terms. */
  exited(slot: number, why: string): void;
}

export function createProcessPool(options: ProcessPoolOptions): ProcessPool {
  const slots = new Map<number, Slot>();
  let next = options.firstSlot;
  const pool = new SandboxPoolCore({
    size: options.size,
    timeoutSeconds: options.timeoutSeconds,
    log: options.log,
    now: () => Date.now(),
    startTimer(ms, fire) {
      const timer = setTimeout(fire, ms);
      return () => clearTimeout(timer);
    },
    spawn(onMessage, onError) {
      const id = next++;
      const slot: Slot = { port: null, waiting: [], onMessage, onError };
      slots.set(id, slot);
      options.link.open(id);
      return {
        post(message) {
          if (slot.port) slot.port.postMessage(message);
          else slot.waiting.push(message);
        },
        terminate() {
          if (!slots.delete(id)) return;
          slot.port?.close();
          options.link.close(id);
        },
      };
    },
  });
  return {
    pool,
    portArrived(id, port) {
      const slot = slots.get(id);
      if (!slot || slot.port) {
        port.close();
        return;
      }
      slot.port = port;
      port.onmessage = (event: MessageEvent<unknown>) => {
        if (!slots.has(id)) return;
        const crash = childCrashError(event.data);
        if (crash) slot.onError(crash);
        else slot.onMessage(event.data as SandboxPost);
      };
      for (const message of slot.waiting.splice(0)) port.postMessage(message);
    },
    exited(id, why) {
      const slot = slots.get(id);
      if (!slot) return;
      slots.delete(id);
      slot.port?.close();
      slot.onError(new Error(why));
    },
  };
}
