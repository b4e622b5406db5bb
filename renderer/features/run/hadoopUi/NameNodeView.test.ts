/**
 * The NameNode page's own columns (not Hadoop's: the file and position of a block, its replicas
 * against the target, a file's under-replicated blocks) are worded in the page's language; the
 * German page showed them in English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { runJob } from '../../../../engine/api';
import { createFunctionRunner } from '../../../../engine/sandbox';
import { changeLanguage } from '../../../i18n/i18n';
import { NameNodeView } from './NameNodeView';

const CODE = `exports.default = { kind: 'mapreduce', input: '/in/w.txt', output: '/out/w',
  map(o, line, ctx) { ctx.write(line, 1); },
  reduce(k, values, ctx) { let n = 0; for (const v of values) n += v; ctx.write(k, n); } };`;

/** The texts of the table headers' buttons, in order. */
const headers = (html: string) => [...html.matchAll(/<th[^>]*>(?:<button[^>]*>)?([^<]*)/g)].map((m) => m[1]);

describe('the NameNode page', () => {
  afterEach(() => changeLanguage('en'));

  it('words its own columns in English and German, and keeps Hadoop’s', async () => {
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
      const render = () =>
        headers(
          renderToStaticMarkup(
            createElement(NameNodeView, { trace: report.trace, nodes, t: report.simulatedMs, blockSize: 128 << 20 }),
          ),
        );
      expect(render()).toEqual(expect.arrayContaining(['Block ID', 'File, position', 'Replicas', 'Under-replicated']));
      changeLanguage('de');
      const german = render();
      expect(german).toEqual(expect.arrayContaining(['Block ID', 'Datei, Position', 'Replikate', 'Unterrepliziert']));
      expect(german).not.toEqual(expect.arrayContaining(['File, position']));
      expect(german.filter((h) => h === 'Replicas' || h === 'Under-replicated')).toEqual([]);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
