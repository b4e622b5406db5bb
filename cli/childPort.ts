/**
 * The child's side of a sandbox process: messages to and from its host, and the child's end when
 * the host goes away (it never outlives it). Two hosts run the same bundled entry:
 * - the CLI (cli/sandboxProcess.ts) forks it: messages go over Node's IPC channel;
 * - the desktop app (electron/sandboxProcesses.ts) starts it as an Electron utility process: its
 *   first message on `process.parentPort` carries a MessagePort to the page's engine worker, and
 *   every message after that goes over this port.
 * Anything thrown outside a request (a learner's promise failing after its task replied, a timer)
 * is sent as a `crash` with its text, then the child exits: the host ends the run with it.
 */
import { unspool } from './bytesSpool';

export interface ChildCrash {
  type: 'crash';
  error: unknown;
}

export interface ChildPort {
  /**
   * Sends a message. Throws if it cannot be serialized (the caller turns that into a `failed`
   * reply); a closed channel means the host is gone: the child exits.
   */
  send(message: unknown): void;
  onMessage(handle: (message: unknown) => void): void;
}

/** The parts of Electron's MessagePortMain (and of process.parentPort) used here. */
export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

interface Transport {
  /** Sends; `then` (if given) is called once the message has left, or soon after. */
  send(message: unknown, then?: () => void): void;
  onMessage(handle: (message: unknown) => void): void;
}

/** Node's IPC channel to the CLI that forked this child. */
function ipcTransport(): Transport {
  process.on('disconnect', () => process.exit(0));
  const handlers: ((message: unknown) => void)[] = [];
  // What the host spooled (cli/bytesSpool.ts) is read back once, before anyone sees it.
  process.on('message', (raw) => {
    const message = unspool(raw);
    for (const handle of handlers) handle(message);
  });
  return {
    send(message, then) {
      if (!process.connected) process.exit(0);
      process.send!(message, undefined, undefined, then && (() => then()));
    },
    onMessage: (handle) => handlers.push(handle),
  };
}

/**
 * An Electron utility process: messages wait for the port that the first parentPort message
 * brings; the page's end closing ends the child.
 */
export function portTransport(parentPort: PortLike): Transport {
  let port: PortLike | null = null;
  const handlers: ((message: unknown) => void)[] = [];
  const waiting: unknown[] = [];
  parentPort.on('message', (event) => {
    const given = event.ports[0];
    if (port || !given) return;
    port = given;
    port.on('message', (e) => {
      for (const handle of handlers) handle(e.data);
    });
    port.on('close', () => process.exit(0));
    port.start();
    for (const message of waiting.splice(0)) port.postMessage(message);
  });
  parentPort.start();
  return {
    send(message, then) {
      if (port) port.postMessage(message);
      else waiting.push(message);
      // A port has no "sent" callback: give the message a moment to leave.
      if (then) setTimeout(then, 200);
    },
    onMessage: (handle) => handlers.push(handle),
  };
}

/**
 * Opens the port to this child's host. `onCrash` turns what was thrown outside a request into the
 * message sent (it must not throw); the child exits once it is sent.
 */
export function openChildPort(onCrash: (thrown: unknown) => unknown): ChildPort {
  const parentPort = (process as { parentPort?: PortLike }).parentPort;
  const transport = parentPort ? portTransport(parentPort) : ipcTransport();
  let crashed = false;
  const crash = (thrown: unknown): void => {
    if (crashed) return;
    crashed = true;
    let message: unknown;
    try {
      message = onCrash(thrown);
    } catch {
      message = { type: 'crash', error: null } satisfies ChildCrash;
    }
    try {
      transport.send(message, () => process.exit(1));
    } catch {
      process.exit(1);
    }
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return {
    send: (message) => transport.send(message),
    onMessage: (handle) => transport.onMessage(handle),
  };
}
