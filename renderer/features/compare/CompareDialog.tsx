/**
 * Two runs of one lab step (or of the sandbox) side by side on one playback clock: pick any two
 * of the session's runs, read the difference summary (simulated time, bytes read remotely,
 * bytes shuffled, tasks, retries) and what changed in the code, then play both at once. Each
 * side shows its cluster map and its run pictures; a run that ended earlier stays at its end.
 * A modal <dialog>: Esc or Close closes it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeptRun } from '../../state/runHistory';
import { runDifference } from '../../viz/compare/runDifference';
import { PlaybackBar, formatSimTime } from '../cluster/PlaybackBar';
import { usePlayback } from '../cluster/usePlayback';
import { speedFor } from '../cluster/speedFit';
import { RunDifferenceTable } from './RunDifferenceTable';
import { CodeChanges } from './CodeChanges';
import { CompareSide } from './CompareSide';
import { runLabel } from './runLabel';
import './compare.css';

export interface CompareDialogProps {
  runs: readonly KeptRun[];
  /** The run numbers first shown as A and B. */
  initial: [number, number];
  onClose(): void;
}

export function CompareDialog({ runs, initial, onClose }: CompareDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [numA, setA] = useState(initial[0]);
  const [numB, setB] = useState(initial[1]);
  const a = runs.find((r) => r.number === numA) ?? runs[0]!;
  const b = runs.find((r) => r.number === numB) ?? runs[runs.length - 1]!;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const rows = useMemo(
    () => runDifference({ report: a.report, nodes: a.nodes.length }, { report: b.report, nodes: b.nodes.length }),
    [a, b],
  );
  const durationMs = Math.max(1, a.report.simulatedMs, b.report.simulatedMs);
  const playback = usePlayback(durationMs, 1000, false, speedFor(durationMs));
  const nameA = `Run ${a.number}`;
  const nameB = `Run ${b.number}`;

  return (
    <dialog ref={dialog} className="compare-dialog panel" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="compare-head">
        <h2 id={`${id}-title`}>Compare runs</h2>
        <RunPicker label="Run A" runs={runs} value={a.number} onChange={setA} />
        <RunPicker label="Run B" runs={runs} value={b.number} onChange={setB} />
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close
        </button>
      </header>
      {runs.length === 1 ? (
        <p className="notice" data-testid="compare-only-run">
          This is the only run of this step so far: change one thing (the code, a setting, a fault) and run again, then
          compare the two runs here.
        </p>
      ) : (
        a.number === b.number && (
          <p className="notice">Run A and Run B are the same run: pick another one to compare with.</p>
        )
      )}
      {a.report.kind !== b.report.kind && (
        <p className="notice">
          {nameA} is a {a.report.kind} run and {nameB} a {b.report.kind} run: only the figures both have are compared.
        </p>
      )}
      <div className="compare-top">
        <RunDifferenceTable rows={rows} a={nameA} b={nameB} />
        <div className="compare-notes">
          <CodeChanges a={a.source} b={b.source} labelA={nameA} labelB={nameB} />
          {a.setting !== b.setting && (
            <p className="muted" data-testid="compare-setting">
              Settings: {nameA} ran on {a.setting}; {nameB} on {b.setting}.
            </p>
          )}
          <p className="muted">
            Both runs play on one clock: at {formatSimTime(playback.t)} each side shows its cluster at that instant of
            its own run.
          </p>
        </div>
      </div>
      <div className="compare-clock">
        <PlaybackBar playback={playback} durationMs={durationMs} />
      </div>
      <div className="compare-sides">
        <CompareSide name={nameA} run={a} t={playback.t} />
        <CompareSide name={nameB} run={b} t={playback.t} />
      </div>
    </dialog>
  );
}

function RunPicker({
  label,
  runs,
  value,
  onChange,
}: {
  label: string;
  runs: readonly KeptRun[];
  value: number;
  onChange(n: number): void;
}) {
  return (
    <label className="compare-pick">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {runs.map((r) => (
          <option key={r.number} value={r.number}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
