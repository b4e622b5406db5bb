import { describe, expect, it } from 'vitest';
import { aggregateQueryText } from './aggregateQueryText';

const cut = (sql: string) => {
  const q = aggregateQueryText(sql);
  if (!q) return null;
  const text = (s: [number, number] | null) => (s ? sql.slice(s[0], s[1]) : null);
  return {
    select: text(q.select),
    from: text(q.from),
    where: text(q.where),
    groupBy: text(q.groupBy),
    having: text(q.having),
    orderBy: text(q.orderBy),
    limit: text(q.limit),
    calls: q.calls.map((c) => [c.fn, c.arg, sql.slice(c.start, c.end)]),
  };
};

describe('aggregateQueryText: the clauses and aggregate calls of a plain aggregate query', () => {
  it('cuts every clause and finds the calls in SELECT, HAVING and ORDER BY', () => {
    expect(
      cut(
        'SELECT k, count(*) AS n, round(avg(x), 2) FROM t AS v WHERE x > 1 GROUP BY k HAVING sum(x) > 3 ORDER BY max(y) DESC LIMIT 5 OFFSET 1;',
      ),
    ).toEqual({
      select: 'k, count(*) AS n, round(avg(x), 2)',
      from: 't AS v',
      where: 'x > 1',
      groupBy: 'k',
      having: 'sum(x) > 3',
      orderBy: 'max(y) DESC',
      limit: 'LIMIT 5 OFFSET 1',
      calls: [
        ['count', null, 'count(*)'],
        ['avg', 'x', 'avg(x)'],
        ['sum', 'x', 'sum(x)'],
        ['max', 'y', 'max(y)'],
      ],
    });
  });

  it('reads past strings, quoted names and comments; keeps any case; count() is count(*)', () => {
    const q = cut(
      `select "group", COUNT(), Sum( "x""y" + 1 ) -- not min(z) here\n from t /* nor max(z) */ where s = 'sum(x) from where group by' group by "group"`,
    );
    expect(q?.where).toBe("s = 'sum(x) from where group by'");
    expect(q?.groupBy).toBe('"group"');
    expect(q?.calls).toEqual([
      ['count', null, 'COUNT()'],
      ['sum', '"x""y" + 1', 'Sum( "x""y" + 1 )'],
    ]);
  });

  it('a global aggregate has no GROUP BY', () => {
    expect(cut('SELECT count(x), min(s) FROM t')).toMatchObject({ groupBy: null, where: null, limit: null });
  });

  it.each([
    ['a subquery', 'SELECT k, sum(x) FROM t WHERE x > (SELECT avg(x) FROM t) GROUP BY k'],
    ['a CTE', 'WITH u AS (SELECT * FROM t) SELECT count(*) FROM u'],
    ['DISTINCT', 'SELECT count(DISTINCT x) FROM t'],
    ['SELECT DISTINCT', 'SELECT DISTINCT k, count(*) FROM t GROUP BY k'],
    ['FILTER', 'SELECT sum(x) FILTER (WHERE x > 1) FROM t'],
    ['a window', 'SELECT k, sum(sum(x)) OVER () FROM t GROUP BY k'],
    ['ROLLUP', 'SELECT k, sum(x) FROM t GROUP BY ROLLUP (k)'],
    ['a join', 'SELECT count(*) FROM t JOIN u ON t.k = u.k'],
    ['two tables', 'SELECT count(*) FROM t, u'],
    ['a union', 'SELECT count(*) FROM t UNION SELECT count(*) FROM u'],
    ['a parameter', 'SELECT sum(x) FROM t WHERE k = $1'],
    ['two arguments', 'SELECT max(x, 2) FROM t'],
    ['a nested call', 'SELECT sum(max(x)) FROM t'],
    ['sum(*)', 'SELECT sum(*) FROM t'],
    ['an aggregate in WHERE', 'SELECT count(*) FROM t WHERE sum(x) > 1'],
    ['a qualified function', 'SELECT main.sum(x) FROM t'],
    ['no aggregate', 'SELECT k FROM t GROUP BY k'],
    ['clauses out of order', 'SELECT count(*) FROM t GROUP BY k WHERE x > 1'],
    ['two statements', 'SELECT count(*) FROM t; SELECT 1'],
    ['an unclosed string', "SELECT count(*) FROM t WHERE s = 'x"],
    ['unbalanced brackets', 'SELECT count(*) FROM t WHERE (x > 1'],
    ['FROM first', 'FROM t SELECT count(*)'],
  ])('refuses %s', (_what, sql) => {
    expect(aggregateQueryText(sql)).toBeNull();
  });
});
