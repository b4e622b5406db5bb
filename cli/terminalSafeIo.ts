/**
 * Terminal safety: learners' files are run by teachers, so nothing a learner controls (console
 * output, thrown messages, result keys and values, check messages, file names) may drive the
 * terminal. Every byte a command prints passes through `terminalSafeIo` (cli/main.ts), which
 * shows control characters as visible `\u001b`-style escapes instead of sending them: ESC (and so
 * CSI and OSC sequences, OSC 52 clipboard writes included), BEL, backspace, carriage return,
 * the other C0 controls except newline and tab, DEL, the C1 controls U+0080-U+009F (8-bit CSI and
 * OSC), the bidirectional overrides that reorder a line and the Unicode line and paragraph
 * separators U+2028 and U+2029 (a line break to many readers of the CLI's output, Python's
 * splitlines among them). The CLI's own output has none of these. The escape is a valid JSON
 * string escape for the same character, so `--json` output stays valid JSON with the same data,
 * on its one line (JSON.stringify already escapes C0; it leaves C1 and U+2028/U+2029 raw).
 */
import type { CliIo } from './cliIo';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `text` with every terminal control character shown as a visible `\uXXXX` escape. */
export function terminalSafeText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A learner's text (a thrown message, a scenario's name) kept on its one line: its line breaks are
 * shown as ` ⏎ `, so it cannot start a line of its own that looks like the CLI's (a fake "PASS").
 */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ⏎ ');
}

/** `io` with both streams made terminal-safe. */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(terminalSafeText(text)),
    err: (text) => io.err(terminalSafeText(text)),
    cwd: io.cwd,
  };
}
