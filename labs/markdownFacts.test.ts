import { describe, expect, it } from 'vitest';
import { markdownFactsDiffer } from './markdownFacts';

describe('markdownFacts', () => {
  it('compares fenced code blocks verbatim and reads German figure words', () => {
    const en = 'See Figures 20.4 and 20.5.\n\n```js\nconst a = 1;\n```\n';
    expect(markdownFactsDiffer(en, 'Siehe Abbildungen 20.4 und 20.5.\n\n```js\nconst a = 1;\n```\n', 'de')).toBeNull();
    expect(markdownFactsDiffer(en, 'Siehe Abbildungen 20.4 und 20.5.\n\n```js\nconst b = 1;\n```\n', 'de')).toMatch(
      /^lacks the English's code block "```js\\nconst a = 1;\\n```"; has code block "```js\\nconst b = 1;\\n```" the English has not$/,
    );
    expect(markdownFactsDiffer(en, 'Siehe Abbildung 20.4.\n\n```js\nconst a = 1;\n```\n', 'de')).toBe(
      'lacks the English\'s figure "20.5"',
    );
    // Numbers as each locale writes them; code, chapters and figures do not count as numbers.
    const figures = 'Yahoo! sorted 500 GB on 1,406 machines, 2.4× faster (`sort.mb`: 100, Cookbook 20.1.2).';
    expect(
      markdownFactsDiffer(
        figures,
        'Yahoo! sortierte 500 GB auf 1.406 Maschinen, 2,4× schneller (`sort.mb`: 100, Cookbook 20.1.2).',
        'de',
      ),
    ).toBeNull();
    expect(
      markdownFactsDiffer(
        figures,
        'Yahoo! sortierte 500 GB auf 1,406 Maschinen, 2.4× schneller (`sort.mb`: 100, Cookbook 20.1.2).',
        'de',
      ),
    ).toBe('lacks the English\'s number "1406", "2.4"; has number "1.406", "2", "4" the English has not');
    // An unclosed fence runs to the end, as CommonMark has it.
    expect(markdownFactsDiffer('a\n```\nx', 'b\n```\nx', 'de')).toBeNull();
    // Inline code inside a fence is part of the block, not a separate identifier.
    expect(markdownFactsDiffer('```\n`x`\n```', '```\n`x`\n```', 'de')).toBeNull();
  });
});

describe('markdownFacts on hostile text', () => {
  it('reads 100,000 characters of unclosed fences, brackets, backticks and digits at once', () => {
    const hostile = [
      '```\n'.repeat(25_000),
      '](](]('.repeat(16_000),
      '`'.repeat(100_000),
      '1,'.repeat(50_000),
      'Figure 1, '.repeat(10_000),
      'Cookbook 1'.repeat(10_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      markdownFactsDiffer(text, text.split('').reverse().join(''), 'de');
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(2000);
    }
  });
});
