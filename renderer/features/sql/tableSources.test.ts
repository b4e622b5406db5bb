import { describe, expect, it } from 'vitest';
import { TableNames, tableSources } from './tableSources';

describe('table names and sources', () => {
  it('names a file after itself without extension and an output directory after the directory', () => {
    const names = new TableNames(new Set(['order']));
    expect(names.take('/data/sensors.csv', true)).toBe('sensors');
    expect(names.take('/out/daily', false)).toBe('daily');
    expect(names.take('/pr/iter-10', false)).toBe('iter_10');
    expect(names.take('/out/v1.2', false)).toBe('v1_2');
    expect(names.take('/out/2024', false)).toBe('t_2024');
    // A clash or a reserved word takes the parent folder in front, then a number.
    expect(names.take('/old/daily', false)).toBe('old_daily');
    expect(names.take('/old/daily', false)).toBe('old_daily_2');
    expect(names.take('/shop/order', false)).toBe('shop_order');
  });

  it('offers the datasets before any run and a run’s part files as one table per directory', () => {
    expect(tableSources(null).map((s) => `${s.name} ${s.origin}`)).toEqual([
      'sensors /data/sensors.csv',
      'corpus /data/corpus.txt',
      'pages /data/pages.txt',
      'graph /data/graph.txt',
    ]);
    const sources = tableSources({
      kind: 'mapreduce',
      result: [],
      outputs: [
        { path: '/out/daily/_SUCCESS', text: '' },
        { path: '/out/daily/part-r-00001', text: 'b\t2\n' },
        { path: '/out/daily/part-r-00000', text: 'a\t1' },
        { path: '/out/sensors.csv', text: 'x,y\n1,2\n' },
      ],
    });
    const daily = sources.find((s) => s.name === 'daily')!;
    expect(daily.origin).toBe('/out/daily/part-* (2 part files)');
    expect(daily.text()).toBe('a\t1\nb\t2\n');
    expect(sources.find((s) => s.origin === '/out/sensors.csv')).toMatchObject({
      name: 'out_sensors',
      format: { kind: 'csv', columns: null },
    });
    expect(sources.some((s) => s.name === 'result')).toBe(false);
  });

  it('shows a SequenceFile output as its records, its origin saying it is binary', () => {
    const sources = tableSources({
      kind: 'spark',
      result: undefined,
      outputs: [
        { path: '/out/seq/part-00000', text: 'a\t1\n', binary: 'SequenceFile (Text, IntWritable), 1 record' },
        { path: '/out/seq/part-00001', text: 'b\t2\n', binary: 'SequenceFile (Text, IntWritable), 1 record' },
      ],
    });
    const seq = sources.find((s) => s.name === 'seq')!;
    expect(seq.origin).toBe('/out/seq/part-* (2 part files, binary: SequenceFile (Text, IntWritable))');
    expect(seq.format).toEqual({ kind: 'tabbed', columns: ['key', 'value'] });
    expect(seq.text()).toBe('a\t1\nb\t2\n');
  });
});
