/**
 * What the learner reads when a sandbox worker fails with an error event: the worker died (in
 * Chromium most often because it ran out of memory) or the learner's code threw where nothing
 * catches it (in a microtask), outside map, reduce and the driver. The run ends at once with this
 * message instead of waiting for the time limit.
 */
export function sandboxDiedMessage(detail: string | undefined): string {
  const what = (detail ?? '').replace(/^Uncaught\s+/, '').trim();
  if (!what)
    return (
      'The sandbox running your code stopped unexpectedly: most likely your code used too much memory ' +
      '(an array, string or map that keeps growing). Your code is saved; change it and press Run again.'
    );
  return (
    `Your code failed outside your job's functions: ${what.slice(0, 500)}. ` +
    'Code in a microtask or a promise nobody awaits runs after map, reduce or the driver returned; ' +
    'if your code was building something very large, it probably ran out of memory.'
  );
}
