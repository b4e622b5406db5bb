/**
 * The replies of a sandbox worker that answer no request: a line of the learner's console output
 * (or how many lines the worker dropped past its cap), and the line of a loop it is running (what
 * the run's time limit names if it stops that loop).
 */
import { cappedConsoleLine } from './consoleCap';
import type { Run, Slot } from './poolState';
import type { SandboxReply } from './sandboxMessages';

/**
 * Takes in `reply` if it is such a note (true), else leaves it (false). While the job module
 * loads, only the echoing worker's console is printed: every worker evaluates the module, and the
 * others would print its top-level output again.
 */
export function takeWorkerNote(
  run: Run,
  slot: Slot,
  reply: SandboxReply,
  log: (text: string) => void,
): reply is Extract<SandboxReply, { type: 'log' | 'logDropped' | 'loop' }> {
  if (reply.type === 'log' || reply.type === 'logDropped') {
    if (slot.loading && slot !== run.echo) return true;
    if (reply.type === 'log') {
      // One line of the learner's console output, within the run's LOG_LIMITS.
      const line = cappedConsoleLine(run.log, reply.text);
      if (line !== null) log(line);
    } else run.log.dropped += reply.count;
    return true;
  }
  if (reply.type === 'loop') {
    if (slot.inFlight > 0) slot.loopLine = reply.line;
    return true;
  }
  return false;
}
