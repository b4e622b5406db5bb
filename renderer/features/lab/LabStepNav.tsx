/** The lab page's header: the lab's title, its chapters, and a button per step (✓ when passed). */
import type { Lab } from '../../../labs/labTypes';
import { useAppStore } from '../../state/store';

export function LabStepNav({ lab, stepIndex }: { lab: Lab; stepIndex: number }) {
  const navigate = useAppStore((s) => s.navigate);
  const steps = useAppStore((s) => s.progress.labs[lab.id]?.steps);
  return (
    <nav className="lab-header" aria-label="Lab steps">
      <div>
        <h1 className="lab-title">{lab.title}</h1>
        <span className="muted">
          Cookbook {lab.chapters.join(', ')} · step {stepIndex + 1} of {lab.steps.length}
        </span>
      </div>
      <ol className="step-nav">
        {lab.steps.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className="btn small"
              aria-current={i === stepIndex ? 'step' : undefined}
              onClick={() => navigate({ name: 'lab', labId: lab.id, step: i })}
              title={s.title}
            >
              {steps?.[s.id]?.passed ? '✓ ' : ''}
              {i + 1}. {s.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
