import { describe, expect, it } from 'vitest';
import { gradeWords } from './gradeWords';

describe("the grade table's own reasons", () => {
  it('keep their English words', () => {
    const en = gradeWords('en');
    expect(en.notHandedIn).toBe('not handed in');
    expect(en.budgetUsed(2.5)).toBe('not run: this submission used its time budget of 2.5 s');
    expect(en.checksFailed(2, 5)).toBe('2 of 5 checks failed');
    expect(en.listed(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe("'a', 'b', 'c', 'd', 'e' and 2 more");
    expect(en.noLab('x', 1, "'s1'")).toBe(
      "this ClusterLab has no lab 'x' (1 step handed in: 's1'; a teacher's pack? grade with --pack)",
    );
    expect(en.moreProblems(1)).toBe(' (and 1 more problem in this lab)');
  });

  it('are German in a German table, numbers written the German way', () => {
    const de = gradeWords('de');
    expect(de.notHandedIn).toBe('nicht abgegeben');
    expect(de.budgetUsed(2.5)).toBe('nicht ausgeführt: Diese Abgabe hat ihr Zeitbudget von 2,5 s aufgebraucht');
    expect(de.checksFailed(2, 5)).toBe('2 von 5 Prüfungen nicht bestanden');
    expect(de.listed(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe("'a', 'b', 'c', 'd', 'e' und 2 weitere");
    expect(de.noStep('x', "'s9'")).toBe("Lab 'x' hat in diesem ClusterLab keinen Schritt 's9'");
    expect(de.moreProblems(2)).toBe(' (und 2 weitere Probleme in diesem Lab)');
  });
});
