/**
 * The Spark RDD paper's iterative machine learning figures (Zaharia et al., NSDI 2012, §6.1,
 * Figures 7 and 8, pp. 9-10; docs/calibration/published-figures.md, section 1b): logistic
 * regression and k-means, 10 iterations on 100 GB, Hadoop and Spark. Validation only: never
 * tuned against.
 */
import type { PublishedFigure } from '../calibrationTypes';

const FIG7 =
  'Zaharia et al., NSDI 2012, §6.1 Figure 7 "Duration of the first and later iterations in Hadoop, HadoopBinMem and Spark for logistic regression and k-means using 100 GB of data on a 100-node cluster", p. 10';
const FIG8 =
  'Zaharia et al., NSDI 2012, §6.1 Figure 8 "Running times for iterations after the first in Hadoop, HadoopBinMem, and Spark. The jobs all processed 100 GB.", p. 10';

const NAMES = { lr: 'logistic regression', kmeans: 'k-means' } as const;
type Algorithm = keyof typeof NAMES;
const SYSTEMS = { hadoop: 'Hadoop (text input re-read every iteration)', spark: 'Spark (points cached)' } as const;
type System = keyof typeof SYSTEMS;

const first = (a: Algorithm, s: System, value: number): PublishedFigure => ({
  id: `${a}.${s}.first.100`,
  role: 'validation',
  what: `${NAMES[a]} on 100 GB, ${SYSTEMS[s]}, 100 machines: seconds of the first iteration`,
  value,
  unit: 's',
  source: FIG7,
});

const later = (a: Algorithm, s: System, machines: number, value: number): PublishedFigure => ({
  id: `${a}.${s}.later.${machines}`,
  role: 'validation',
  what: `${NAMES[a]} on 100 GB, ${SYSTEMS[s]}, ${machines} machines: mean seconds of the iterations after the first`,
  value,
  unit: 's',
  source: FIG8,
});

const ratio = (
  id: string,
  what: string,
  value: number,
  numerator: string,
  denominator: string,
  source: string,
): PublishedFigure => ({ id, role: 'validation', what, value, unit: 'x', source, ratioOf: { numerator, denominator } });

/** Published values (s): [first at 100, later at 25, 50, 100] per algorithm and system. */
const PUBLISHED: Record<Algorithm, Record<System, [number, number, number, number]>> = {
  lr: { hadoop: [80, 184, 111, 76], spark: [46, 15, 6, 3] },
  kmeans: { hadoop: [115, 274, 157, 106], spark: [82, 143, 61, 33] },
};

function figuresOf(a: Algorithm): PublishedFigure[] {
  const p = PUBLISHED[a];
  const out: PublishedFigure[] = [];
  for (const s of ['hadoop', 'spark'] as const) {
    out.push(first(a, s, p[s][0]));
    [25, 50, 100].forEach((m, i) => out.push(later(a, s, m, p[s][i + 1]!)));
  }
  const n = NAMES[a];
  out.push(
    ratio(
      `${a}.spark-speedup.later.100`,
      `${n}, 100 machines, later iterations: Hadoop time over Spark time${a === 'lr' ? ' ("25.3x")' : ''}`,
      p.hadoop[3] / p.spark[3],
      `${a}.hadoop.later.100`,
      `${a}.spark.later.100`,
      FIG8,
    ),
    ratio(
      `${a}.spark.first-over-later.100`,
      `${n} on Spark, 100 machines: first iteration (parsing the text, filling the cache) over a later one`,
      p.spark[0] / p.spark[3],
      `${a}.spark.first.100`,
      `${a}.spark.later.100`,
      FIG7,
    ),
  );
  for (const s of ['hadoop', 'spark'] as const)
    out.push(
      ratio(
        `${a}.${s}.scaling`,
        `${n} on ${s === 'hadoop' ? 'Hadoop' : 'Spark'}, later iterations: 25 machines over 100 machines`,
        p[s][1] / p[s][3],
        `${a}.${s}.later.25`,
        `${a}.${s}.later.100`,
        FIG8,
      ),
    );
  return out;
}

export const mlFigures: PublishedFigure[] = [...figuresOf('lr'), ...figuresOf('kmeans')];
