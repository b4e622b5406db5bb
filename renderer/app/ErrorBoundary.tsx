/**
 * Turns a rendering failure into a message instead of a white page. One wraps each page and
 * each visualisation pane, so a broken picture never takes down the editor (which holds the
 * learner's code; the code is in the store and saved as it is typed, so nothing is lost).
 * "Try again" renders the part again; "Copy details" copies what went wrong for a bug report
 * (the stack is copied, never shown).
 *
 * Test hook: sessionStorage `clusterlab.test.failPart` set to a boundary's `part` makes that
 * part throw while it is set (e2e/recovery.e2e.ts); nothing else sets it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

export const FAIL_PART_KEY = 'clusterlab.test.failPart';

interface Props {
  /** What is inside, in the learner's words and language: t('…') of "this page", "the cluster map". */
  what: string;
  /** A short id of the part (for the test hook and the copied details). */
  part: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  componentStack: string;
  copied: 'yes' | 'failed' | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '', copied: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)), copied: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' });
    // For DevTools; the learner reads the message below.
    console.warn(`ClusterLab: ${this.props.part} failed to render`, error);
  }

  private details(): string {
    const { error, componentStack } = this.state;
    return [
      `ClusterLab: ${this.props.part} failed to render`,
      `Address: ${typeof location === 'undefined' ? '' : location.hash}`,
      `${error?.name ?? 'Error'}: ${error?.message ?? ''}`,
      error?.stack ?? '',
      componentStack.trim(),
    ].join('\n');
  }

  private copy = () => {
    navigator.clipboard.writeText(this.details()).then(
      () => this.setState({ copied: 'yes' }),
      () => this.setState({ copied: 'failed' }),
    );
  };

  private retry = () => this.setState({ error: null, componentStack: '', copied: null });

  override render(): ReactNode {
    const { error, copied } = this.state;
    if (!error)
      return (
        <>
          <FailureProbe part={this.props.part} />
          {this.props.children}
        </>
      );
    // <Translation> (not a hook: this is a class) renders again when the language changes.
    return (
      <Translation ns="app">
        {(t) => (
          <div className="part-failed" role="alert" data-testid={`failed-${this.props.part}`}>
            <p>{t('errorBoundary.message', { what: this.props.what })}</p>
            <p className="muted">
              {t('errorBoundary.whatFailed', { error: error.message.slice(0, 300) || error.name })}
            </p>
            <div className="part-failed-actions">
              <button type="button" className="btn primary" onClick={this.retry}>
                {t('errorBoundary.tryAgain')}
              </button>
              <button type="button" className="btn" onClick={this.copy}>
                {t('errorBoundary.copyDetails')}
              </button>
              {copied && (
                <span className="muted" role="status">
                  {copied === 'yes' ? t('errorBoundary.copied') : t('errorBoundary.copyFailed')}
                </span>
              )}
            </div>
          </div>
        )}
      </Translation>
    );
  }
}

function FailureProbe({ part }: { part: string }): null {
  let failing = false;
  try {
    failing = typeof sessionStorage !== 'undefined' && sessionStorage.getItem(FAIL_PART_KEY) === part;
  } catch {
    failing = false;
  }
  if (failing) throw new Error(`a test asked ${part} to fail (${FAIL_PART_KEY})`);
  return null;
}
