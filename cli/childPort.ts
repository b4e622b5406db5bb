/**
 * The child's side of a sandbox process (cli/sandboxProcess.ts): messages to and from the CLI
 * over the IPC channel, and the child's end when the CLI goes away (it never outlives its parent).
 * Anything thrown outside a request (a learner's promise failing after its task replied, a timer)
 * is sent as a `crash` with its text, then the child exits: the CLI ends the run with it.
 */
export interface ChildCrash {
  type: 'crash';
  error: unknown;
}

export interface ChildPort {
  /**
   * Sends a message. Throws if it cannot be serialized (the caller turns that into a `failed`
   * reply); a closed channel means the CLI is gone: the child exits.
   */
  send(message: unknown): void;
  onMessage(handle: (message: unknown) => void): void;
}

/**
 * Opens the port. `onCrash` turns what was thrown outside a request into the message sent (it
 * must not throw); the child exits once it is sent.
 */
export function openChildPort(onCrash: (thrown: unknown) => unknown): ChildPort {
  const send = (message: unknown, then?: () => void): void => {
    if (!process.connected) process.exit(0);
    process.send!(message, undefined, undefined, () => then?.());
  };
  process.on('disconnect', () => process.exit(0));
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
      send(message, () => process.exit(1));
    } catch {
      process.exit(1);
    }
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return {
    send: (message) => send(message),
    onMessage: (handle) => process.on('message', handle),
  };
}
