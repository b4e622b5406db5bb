/**
 * Validation of every IPC message: the sender must be the app's own main frame, served from
 * app://clusterlab, and the payload must have the expected shape. Anything else is refused
 * with an error that says what was wrong.
 */
import { APP_ORIGIN } from './appProtocol';
import { MAX_PROGRESS_BYTES, type ProgressData } from './preloadApi';

export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

/** The part of Electron's IpcMainInvokeEvent that validation looks at. */
export interface SenderInfo {
  senderFrame: { url: string; parent?: unknown } | null;
}

export function assertTrustedSender(event: SenderInfo, channel: string): void {
  const frame = event.senderFrame;
  if (!frame) throw new IpcValidationError(`${channel}: message has no sender frame`);
  if (frame.parent) throw new IpcValidationError(`${channel}: messages from sub-frames are refused`);
  let origin: string;
  try {
    const url = new URL(frame.url);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    throw new IpcValidationError(`${channel}: sender URL '${frame.url}' is not a URL`);
  }
  if (origin !== APP_ORIGIN) throw new IpcValidationError(`${channel}: sender ${origin} is not ${APP_ORIGIN}`);
}

export function assertProgressPayload(value: unknown, channel = 'progress:save'): ProgressData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IpcValidationError(`${channel}: payload must be a JSON object`);
  }
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new IpcValidationError(`${channel}: payload is not serialisable JSON (${(error as Error).message})`);
  }
  if (text.length > MAX_PROGRESS_BYTES) {
    throw new IpcValidationError(
      `${channel}: payload is ${text.length} bytes, over the ${MAX_PROGRESS_BYTES}-byte limit`,
    );
  }
  return JSON.parse(text) as ProgressData;
}

export function assertNoArguments(args: unknown[], channel: string): void {
  if (args.length > 0) throw new IpcValidationError(`${channel}: takes no arguments, got ${args.length}`);
}
