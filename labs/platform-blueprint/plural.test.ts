/** The lake checks' reasons agree with their counts: "1 closed file", not "1 closed files". */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';

describe('platform-blueprint step 2 reasons', () => {
  it('say "1 closed file" and "1 file" for a lake of one file', async () => {
    const oneFile = lab.steps[1]!.solution.replace(
      /"rollSize": 0,\s*"rollCount": 0,\s*"rollInterval": 30/,
      '"rollSize": 0, "rollCount": 6000, "rollInterval": 0',
    );
    expect(oneFile).not.toBe(lab.steps[1]!.solution);
    const out = await runStep({ lab, stepIndex: 1, source: oneFile });
    const reason = (id: string) => out.checks.find((c) => c.id === id)!.reason;
    expect(reason('lake-keeps-everything')).toBe('lake keeps all 6,000 events in 1 closed file.');
    expect(reason('few-files')).toBe('lake holds 6,000 events in 1 file (about 6,000 events a file).');
  }, 60_000);
});
