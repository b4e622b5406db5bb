/**
 * A TaskRunner for tests and tiny runs: the sandbox executor in the calling thread, with job
 * code evaluated by `new Function`. It is not a sandbox (no time budget, no isolation), so the
 * app and the CLI use their worker pools; lab tests use this to stay fast and deterministic.
 */
import { decodeUtf8 } from '../engine/core';
import { createInProcessRunner } from '../engine/api/inProcessRunner';
import type { TaskRunner } from '../engine/sandbox/taskRunner';

export function createLabInProcessRunner(): TaskRunner {
  return createInProcessRunner({
    // `new Function` puts two lines of its own above the body, hence lineOffset 2.
    // sourceURL names the learner's file in stack frames, so errors point at their line.
    evaluate(code: string, fileName: string) {
      const module = { exports: {} as Record<string, unknown> };
      new Function('exports', 'module', `${code}\n//# sourceURL=${fileName}`)(module.exports, module);
      return module.exports.default;
    },
    lineOffset: 2,
    decodeUtf8: (bytes: Uint8Array) => decodeUtf8(bytes),
  });
}
