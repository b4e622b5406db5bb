import { describe, expect, it } from 'vitest';
import {
  checkOutputPath,
  DfsListing,
  DfsPathError,
  MissingInputError,
  missingInputMessage,
  OutputExistsError,
  parseDfsPath,
  resolveInputFiles,
  splitInputPaths,
} from './sparkPaths';

const listing = () =>
  new DfsListing(
    [
      '/data/sensors.csv',
      '/data/corpus.txt',
      '/data/.hidden.csv',
      '/out/part-00000',
      '/out/part-00001',
      '/out/_SUCCESS',
      '/logs/2024-01/a.log',
      '/logs/2024-01/b.log',
      '/logs/2024-02/a.log',
      '/logs/2023-12/a.log',
      '/logs/_tmp/x.log',
      '/nested/top.txt',
      '/nested/deeper/inner.txt',
    ].map((path, i) => ({ path, length: 10 + i, blockSize: 64 })),
  );
const paths = (spec: string) => resolveInputFiles(spec, listing(), 'textFile').map((f) => f.path);

describe('input paths as FileInputFormat reads them', () => {
  it('a file is itself', () => {
    expect(paths('/data/sensors.csv')).toEqual(['/data/sensors.csv']);
  });

  it("a directory is its files in name order, without Hadoop's hidden _ and . files", () => {
    expect(paths('/data')).toEqual(['/data/corpus.txt', '/data/sensors.csv']);
    expect(paths('/out/')).toEqual(['/out/part-00000', '/out/part-00001']);
  });

  it('comma-separated paths are read in turn (a file named twice is read twice, as in Hadoop)', () => {
    expect(paths('/data/corpus.txt,/out')).toEqual(['/data/corpus.txt', '/out/part-00000', '/out/part-00001']);
    expect(paths('/data/corpus.txt,/data/corpus.txt')).toEqual(['/data/corpus.txt', '/data/corpus.txt']);
    expect(splitInputPaths('/a/{x,y},/b')).toEqual(['/a/{x,y}', '/b']);
  });

  it('globs in any component, directories matched by a glob read as directories', () => {
    expect(paths('/out/part-*')).toEqual(['/out/part-00000', '/out/part-00001']);
    expect(paths('/logs/2024-*/')).toEqual(['/logs/2024-01/a.log', '/logs/2024-01/b.log', '/logs/2024-02/a.log']);
    expect(paths('/logs/*/a.log')).toEqual(['/logs/2023-12/a.log', '/logs/2024-01/a.log', '/logs/2024-02/a.log']);
    expect(paths('/logs/202[34]-1?/*')).toEqual(['/logs/2023-12/a.log']);
    expect(paths('/logs/{2023-12,2024-02}/a.log')).toEqual(['/logs/2023-12/a.log', '/logs/2024-02/a.log']);
    expect(paths('/logs/2024-0[^1]/*')).toEqual(['/logs/2024-02/a.log']);
    expect(paths('/data/*')).toEqual(['/data/corpus.txt', '/data/sensors.csv']);
  });

  it('hdfs://host:port/p, hdfs:///p and hdfs:/p name /p; // and a trailing / are normalised', () => {
    expect(paths('hdfs:///data/sensors.csv')).toEqual(['/data/sensors.csv']);
    expect(paths('hdfs://namenode:8020/data/sensors.csv')).toEqual(['/data/sensors.csv']);
    expect(paths('hdfs:/data/sensors.csv')).toEqual(['/data/sensors.csv']);
    expect(paths('//data//sensors.csv')).toEqual(['/data/sensors.csv']);
    expect(parseDfsPath('/a/./b/../c/', 'textFile')).toBe('/a/c');
  });

  it('refuses file:, other schemes and relative paths with a message saying why', () => {
    expect(() => paths('file:///home/me/x.csv')).toThrow(DfsPathError);
    expect(() => paths('file:///home/me/x.csv')).toThrow(/the sandbox has no local files/);
    expect(() => paths('s3a://bucket/x')).toThrow(/HDFS only \(No FileSystem for scheme "s3a"\)/);
    expect(() => paths('data/sensors.csv')).toThrow(/relative path.*\/user\/<name>/);
    expect(() => paths('/data/x,')).toThrow(/empty/);
  });

  it("a path or pattern that matches nothing fails with Hadoop's message, every one named", () => {
    const error = (spec: string) => {
      try {
        paths(spec);
      } catch (e) {
        return e as MissingInputError;
      }
      throw new Error(`resolved ${spec}`);
    };
    expect(error('/data/nope.csv')).toBeInstanceOf(MissingInputError);
    expect(error('/data/nope.csv').message).toBe('Input path does not exist: hdfs:/data/nope.csv');
    expect(error('/out/x-*').message).toBe('Input Pattern hdfs:/out/x-* matches 0 files');
    expect(error('/data/sensors.csv,/a,/b*').path).toBe('/a,/b*');
    expect(error('/data/sensors.csv,/a,/b*').message).toBe(
      'Input path does not exist: hdfs:/a; Input Pattern hdfs:/b* matches 0 files',
    );
    // A hidden file named as such is filtered out too: Hadoop says it does not exist.
    expect(error('/out/_SUCCESS').message).toBe('Input path does not exist: hdfs:/out/_SUCCESS');
    expect(error('/logs/_*').message).toBe('Input Pattern hdfs:/logs/_* matches 0 files');
    expect(missingInputMessage('/x/{a,b}')).toBe('Input Pattern hdfs:/x/{a,b} matches 0 files');
    // A DataFrameReader's are Spark SQL's (a glob matching nothing too), its path whole, comma and all.
    expect(missingInputMessage('/x/{a,b},/y', 'spark.read.csv')).toBe(
      '[PATH_NOT_FOUND] Path does not exist: hdfs:/x/{a,b},/y.',
    );
    // The first missing of a reader's paths only, whole, as Spark SQL names it.
    expect(new MissingInputError(['/a,b', '/c'], 'spark.read.text').path).toBe('/a,b');
    const reader = new MissingInputError(['/x'], 'spark.read.json');
    expect([reader.name, reader.call, reader.message]).toEqual([
      'AnalysisException',
      'spark.read.json',
      '[PATH_NOT_FOUND] Path does not exist: hdfs:/x.',
    ]);
  });

  it('a directory inside an input directory is "Not a file", as in Hadoop', () => {
    expect(() => paths('/nested')).toThrow(/Not a file: hdfs:\/nested\/deeper/);
    expect(paths('/nested/*/*')).toEqual(['/nested/deeper/inner.txt']);
  });

  it('is deterministic: the same listing in any order gives the same files', () => {
    const entries = ['/z/b', '/z/a', '/z/c/d', '/z/c/e'].map((path) => ({ path, length: 1, blockSize: 1 }));
    const a = new DfsListing(entries);
    const b = new DfsListing([...entries].reverse());
    for (const spec of ['/z/*', '/z/c', '/z/{c,a}*'])
      expect(resolveInputFiles(spec, a, 'textFile')).toEqual(resolveInputFiles(spec, b, 'textFile'));
  });
});

describe('output paths as FileOutputFormat.checkOutputSpecs checks them', () => {
  it('a new directory is fine, an existing one is FileAlreadyExistsException', () => {
    expect(checkOutputPath('hdfs:///out2', listing(), 'saveAsTextFile')).toBe('/out2');
    expect(() => checkOutputPath('/out', listing(), 'saveAsTextFile')).toThrow(OutputExistsError);
    expect(() => checkOutputPath('/out/', listing(), 'saveAsTextFile')).toThrow(
      /^Output directory hdfs:\/out already exists/,
    );
    expect(() => checkOutputPath('/data/sensors.csv', listing(), 'saveAsTextFile')).toThrow(/already exists/);
  });

  it('refuses non-strings, globs, commas and paths under a file', () => {
    expect(() => checkOutputPath(3, listing(), 'saveAsTextFile')).toThrow(TypeError);
    expect(() => checkOutputPath('/o/*', listing(), 'saveAsTextFile')).toThrow(/without globs or commas/);
    expect(() => checkOutputPath('/data/sensors.csv/x', listing(), 'saveAsTextFile')).toThrow(/is a file/);
    expect(() => checkOutputPath('/', listing(), 'saveAsTextFile')).toThrow(/root/);
  });
});
