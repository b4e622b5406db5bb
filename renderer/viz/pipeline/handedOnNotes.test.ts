import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../engine/pipeline';
import lab, { RUN_MS } from '../../../labs/netflix-trending/lab';
import { i18n } from '../../i18n/i18n';
import { setActiveLanguage } from '../../i18n/activeLocale';
import { handedOnNotes } from './handedOnNotes';

const run = (step: number) =>
  runPipeline({
    pipeline: JSON.parse(lab.steps[step]!.solution) as never,
    cluster: 'classroom',
    untilMs: RUN_MS,
    seed: 28,
  });

describe("why a part handed on another number than it took in (the run's table)", () => {
  it('netflix step 2: the old row took in 69,000 plays and handed on 0, because the recommender showed them first; the hourly job and its store count re-runs', async () => {
    const result = run(1);
    const part = (id: string) => result.parts.find((p) => p.id === id)!;
    expect([part('old-row').received, part('old-row').delivered]).toEqual([69_000, 0]);
    expect([part('emr-hourly').received, part('emr-hourly').delivered]).toEqual([69_000, 102_000]);
    expect(handedOnNotes(result)).toEqual([
      'members makes the events and hands a copy of each to every one of the 2 parts it feeds.',
      'emr-hourly re-reads all its input at each run and writes its counts anew: 33,000 of the events it handed on had been handed on by an earlier run (Took in counts each event once).',
      "33,000 events were written into hive again (a batch job's next run rewrites the counts it wrote before): it stores each event once, and Took in counts each once.",
      'old-row showed 69,000 events that recommender had shown first: an event counts as displayed (Handed on, and “shows” on the diagram) at the first board that shows it.',
    ]);
    await i18n.changeLanguage('de');
    setActiveLanguage('de');
    try {
      expect(handedOnNotes(result)[3]).toBe(
        'old-row zeigte 69.000 Events, die recommender schon zuvor gezeigt hatte: Ein Event zählt als angezeigt (Weitergegeben, und „zeigt“ im Diagramm) beim ersten Dashboard, das es zeigt.',
      );
    } finally {
      await i18n.changeLanguage('en');
      setActiveLanguage('en');
    }
  });

  it('step 1: a part passing every event on once needs no sentence, nor does the only board', () => {
    const result = run(0);
    const notes = handedOnNotes(result);
    expect(notes.some((s) => s.startsWith('chukwa') || s.startsWith('s3') || s.startsWith('old-row'))).toBe(false);
    expect(notes).toHaveLength(2);
  });

  it('a store written by several streams (no batch job): the note names the writers, not a batch re-run', () => {
    const pipeline = {
      parts: [
        { id: 'devices', type: 'clients', settings: { events: 600, ratePerSec: 100, keys: 40 } },
        { id: 'ingest', type: 'api', node: 'n1' },
        { id: 'buffer', type: 'kafka', node: 'n1' },
        { id: 'stream', type: 'spark-streaming', node: 'n3' },
        { id: 's2', type: 'spark-streaming', node: 'n3' },
        { id: 'reports', type: 'rdbms', node: 'n2' },
        { id: 'dashboard', type: 'dashboard', node: 'n3' },
      ],
      wires: [
        { from: 'devices', to: 'ingest' },
        { from: 'ingest', to: 'buffer' },
        { from: 'buffer', to: 'stream' },
        { from: 'buffer', to: 's2' },
        { from: 'stream', to: 'reports' },
        { from: 's2', to: 'reports' },
        { from: 'reports', to: 'dashboard' },
      ],
    };
    const result = runPipeline({ pipeline, cluster: 'classroom', seed: 1 });
    const reports = result.parts.find((p) => p.id === 'reports')!;
    expect(reports.delivered).toBeGreaterThan(reports.received);
    const notes = handedOnNotes(result);
    expect(notes.some((s) => s.includes('batch job'))).toBe(false);
    expect(notes).toContain(
      `${(reports.delivered - reports.received).toLocaleString('en')} events were written into reports more than once: stream, s2 each write their own copy into it (Took in counts each event once).`,
    );
  });

  it('two boards that showed events first: "one of the boards", in German too', async () => {
    const options = { id: 'third', n: '5', others: 'recommender, d2', count: 2 };
    expect(i18n.t('pipeline:run.note.shownFirst', options)).toMatch(
      /^third showed 5 events that one of the boards recommender, d2 had shown first/,
    );
    await i18n.changeLanguage('de');
    try {
      expect(i18n.t('pipeline:run.note.shownFirst', options)).toMatch(
        /^third zeigte 5 Events, die eines der Dashboards recommender, d2 schon zuvor gezeigt hatte:/,
      );
      expect(i18n.t('pipeline:run.note.shownFirst', { ...options, count: 1, others: 'recommender' })).toMatch(
        /^third zeigte 5 Events, die recommender schon zuvor gezeigt hatte:/,
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
