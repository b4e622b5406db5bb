/**
 * Why a part of a pipeline run handed on another number of events than it took in, one sentence
 * per such part, under the run's table (renderer/features/pipeline/PipelineRunView.tsx): "Took in"
 * counts each event once, "Handed on" counts copies (a part feeding several hands each a copy; a
 * batch job's next run re-reads and re-writes what it counted before), and a dashboard hands on
 * (displays, the diagram's "shows") only the events no board showed before it. What the Refused
 * and Dropped columns or the events still held at the end explain needs no sentence.
 */
import type { PipelineResult } from '../../../engine/pipeline';
import { i18n } from '../../i18n/i18n';
import { count as n } from '../../i18n/numberFormat';

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`pipeline:run.note.${key}`, options);

export function handedOnNotes(result: PipelineResult): string[] {
  const notes: string[] = [];
  const feeds = (id: string) => result.wires.filter((w) => w.from === id).length;
  const writers = (id: string) => result.wires.filter((w) => w.to === id).map((w) => w.from);
  const typeOf = (id: string) => result.parts.find((o) => o.id === id)?.type;
  for (const p of result.parts) {
    const more = p.delivered - p.received;
    if (p.type === 'clients') {
      if (feeds(p.id) > 1) notes.push(say('made', { id: p.id, parts: n(feeds(p.id)) }));
    } else if (p.type === 'dashboard') {
      const before = p.received - p.delivered;
      const others = result.parts.filter((o) => o.type === 'dashboard' && o.id !== p.id && o.delivered > 0);
      if (before > 0 && others.length > 0)
        notes.push(
          say('shownFirst', {
            id: p.id,
            n: n(before),
            others: others.map((o) => o.id).join(', '),
            count: others.length,
          }),
        );
    } else if (more > 0) {
      if (feeds(p.id) > 1) notes.push(say('copies', { id: p.id, parts: n(feeds(p.id)) }));
      else if (p.type === 'spark-batch') notes.push(say('again', { id: p.id, n: n(more) }));
      else if (p.type === 'rdbms' || p.type === 'hbase') {
        // Only a batch job writes its counts anew; several parts writing into one store each write a copy.
        const from = writers(p.id);
        if (from.some((w) => typeOf(w) === 'spark-batch')) notes.push(say('rewrites', { id: p.id, n: n(more) }));
        else if (from.length > 1) notes.push(say('writers', { id: p.id, n: n(more), parts: from.join(', ') }));
      }
    }
  }
  return notes;
}
