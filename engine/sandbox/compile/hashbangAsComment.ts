/**
 * A job text whose first line is a `#!` line (a Node script's, copied with it) with that line made
 * a `//` comment of the same length: sucrase and acorn keep a `#!` line, but the sandboxes run the
 * code inside a function, where it is a syntax error on line 1. Lines and columns stay the learner's.
 */
export function hashbangAsComment(text: string): string {
  return text.startsWith('#!') ? `//${text.slice(2)}` : text;
}
