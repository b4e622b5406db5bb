/**
 * The learner's console output of one request to the engine worker (a job, or a lab step with
 * its checks' extra runs), as the page shows it. The sandbox pool already caps each run's
 * output and drops what arrives after a run ended; this is the page's own backstop, so a
 * request never ships more than MAX_CONSOLE_LINES lines or MAX_CONSOLE_CHARS characters:
 * past either, one line says how many more were not shown. Lines are handed out in batches
 * (`take`) for the progress messages, and all of them (`lines`, `dropped`) with the run's answer.
 */

/** The most lines one request shows (a lab step may print in several runs). */
export const MAX_CONSOLE_LINES = 2000;
/** The most characters one request shows (about 400 KB of text). */
export const MAX_CONSOLE_CHARS = 400_000;

export class RunConsole {
  private readonly kept: string[] = [];
  private chars = 0;
  private droppedLines = 0;
  private taken = 0;
  private closed = false;
  private pendingHeading: string | null = null;

  /** One console line of the learner's code; ignored once the request has ended. */
  add(text: string): void {
    if (this.closed) return;
    const line = typeof text === 'string' ? text : String(text);
    if (this.droppedLines > 0 || this.kept.length >= MAX_CONSOLE_LINES || this.chars >= MAX_CONSOLE_CHARS) {
      this.droppedLines++;
      return;
    }
    if (this.pendingHeading !== null) {
      this.kept.push(this.pendingHeading);
      this.pendingHeading = null;
    }
    const room = MAX_CONSOLE_CHARS - this.chars;
    const shown =
      line.length > room ? `${line.slice(0, room)}… (line cut: ${line.length.toLocaleString('en')} characters)` : line;
    this.kept.push(shown);
    this.chars += Math.min(line.length, room);
  }

  /**
   * A heading of the page's own (which of a lab step's runs prints next): shown before that
   * run's first line, and not at all if it prints nothing.
   */
  heading(text: string): void {
    this.pendingHeading = text;
  }

  /** Lines not shown so far. */
  get dropped(): number {
    return this.droppedLines;
  }

  /** The lines not handed out yet (for a progress message). */
  take(): string[] {
    const fresh = this.kept.slice(this.taken);
    this.taken = this.kept.length;
    return fresh;
  }

  /** Every line kept (`dropped` counts the others; the page adds the "… N more lines not shown" line). */
  get lines(): string[] {
    return [...this.kept];
  }

  /** The request has ended: later output (a worker's last words) is dropped. */
  close(): void {
    this.closed = true;
  }
}

export function moreLines(n: number): string {
  return `… ${n.toLocaleString('en')} more ${n === 1 ? 'line' : 'lines'} not shown`;
}
