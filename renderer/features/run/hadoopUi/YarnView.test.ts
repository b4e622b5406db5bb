/**
 * The ResourceManager page names its scheduler as Hadoop does, by class (CapacityScheduler), in
 * every language: the German page said "(capacity-Scheduler)".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { runJob } from '../../../../engine/api';
import { createFunctionRunner } from '../../../../engine/sandbox';
import { changeLanguage } from '../../../i18n/i18n';
import { YarnView } from './YarnView';

const CODE = `exports.default = { kind: 'mapreduce', input: '/in/w.txt', output: '/out/w',
  map(o, line, ctx) { ctx.write(line, 1); },
  reduce(k, values, ctx) { let n = 0; for (const v of values) n += v; ctx.write(k, n); } };`;

describe('the YARN page', () => {
  afterEach(() => changeLanguage('en'));

  it('names the scheduler by its Hadoop class, in English and German, and writes percent the German way', async () => {
    const runner = createFunctionRunner();
    try {
      const report = await runJob({
        source: { fileName: 'job.js', code: CODE },
        runner,
        cluster: 'cookbook-9',
        seed: 1,
        sampleData: false,
        files: [{ path: '/in/w.txt', bytes: new TextEncoder().encode('a\nb\na\n') }],
      });
      const nodes = Array.from({ length: 9 }, (_, i) => ({ id: `n${i + 1}`, rack: `r${Math.floor(i / 3) + 1}` }));
      const render = () => renderToStaticMarkup(createElement(YarnView, { report, nodes, t: report.simulatedMs / 2 }));
      expect(render()).toMatch(/allocated \(CapacityScheduler\)\./);
      await changeLanguage('de');
      expect(render()).toMatch(/vergeben \(CapacityScheduler\)\./);
      // The queues' capacities the German way: "100 %" with a no-break space, as Intl's de-DE writes it.
      expect(render()).toContain('>100\u00a0%<');
      expect(render()).not.toMatch(/\d%/);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
