/**
 * The learner's console output of the last run (console.log in their code): monospace, in a
 * scrollable box the keyboard can reach, with a Copy button. The engine caps what a run prints
 * (renderer/bridge/runConsole.ts), so the box holds at most a couple of thousand lines, drawn
 * as one text block; while a run computes, the lines arrive as they are printed.
 */
import { useTranslation } from 'react-i18next';
import { count as formatCount } from '../../i18n/numberFormat';
import { useId, useState } from 'react';
import { moreLines, MAX_CONSOLE_LINES } from '../../bridge/runConsole';
import './console.css';

export interface ConsolePanelProps {
  lines: readonly string[];
  /** Lines printed past the cap (not shown; one line at the end says how many). */
  more?: number;
  running: boolean;
}

/**
 * Where the panel goes: above the run's pictures when the code printed something (found at
 * once), as one line below them when it printed nothing (the pictures keep the window).
 */
export function consoleFirst(lines: readonly string[], more = 0): boolean {
  return lines.length > 0 || more > 0;
}

export function ConsolePanel({ lines, more = 0, running }: ConsolePanelProps) {
  const headingId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const { t } = useTranslation('run');
  // The engine already caps the list; this keeps the page safe whatever arrives.
  const shown = lines.length > MAX_CONSOLE_LINES + 1 ? lines.slice(0, MAX_CONSOLE_LINES) : lines;
  const hidden = more + (lines.length - shown.length);
  const text = shown.join('\n') + (hidden > 0 ? `\n${moreLines(hidden)}` : '');
  const lineCount = shown.length;
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  if (lines.length === 0 && hidden === 0)
    // One line, below the pictures (ConsolePanel's place: see consoleFirst): nothing to find, nothing pushed down.
    return (
      <section className="run-console compact" aria-labelledby={headingId} data-testid="run-console">
        <h3 id={headingId}>{t('console.title')}</h3>
        <span className="muted">{running ? t('console.nothingYet') : t('console.nothing')}</span>
      </section>
    );
  return (
    <section className="run-console" aria-labelledby={headingId} data-testid="run-console">
      <div className="run-console-head">
        <h3 id={headingId}>{t('console.title')}</h3>
        <span className="muted">
          {lines.length === 0
            ? ''
            : t(running ? 'console.linesSoFar' : 'console.lines', { count: lineCount, n: formatCount(lineCount) }) +
              (hidden > 0 ? t('console.hidden', { n: formatCount(hidden) }) : '')}
        </span>
        <span className="spacer" />
        {copied && (
          <span className="muted" role="status">
            {copied === 'yes' ? t('console.copied') : t('console.copyFailed')}
          </span>
        )}
        <button type="button" className="btn small" onClick={copy} disabled={lines.length === 0}>
          {t('console.copy')}
        </button>
      </div>
      {lines.length === 0 ? (
        <p className="muted run-console-empty">{running ? t('console.nothingYet') : t('console.nothing')}</p>
      ) : (
        <pre className="run-console-text" tabIndex={0} aria-label={t('console.output')} data-testid="run-console-text">
          {text}
        </pre>
      )}
    </section>
  );
}
