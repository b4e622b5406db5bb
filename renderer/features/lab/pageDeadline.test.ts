import { afterAll, describe, expect, it } from 'vitest';
import { findLab } from '../../../labs/labRegistry';
import { i18n } from '../../i18n/i18n';
import { PIPELINE_BACKSTOP_MS, pageDeadline } from './pageDeadline';

const step = (labId: string, i: number) => findLab(labId)!.steps[i]!;

describe("the page's own time limit", () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it("backs up a pipeline's run later than the worker's budget, in words about a pipeline", async () => {
    await i18n.changeLanguage('en');
    const d = pageDeadline(step('netflix-trending', 1), 30)!;
    expect(d.ms).toBe(30_000 + PIPELINE_BACKSTOP_MS);
    expect(d.error().message).toMatch(/^The pipeline's run went past the time limit \(30 s\)/);
    expect(d.error().message).not.toMatch(/runForMs|faults\[\]/);
    await i18n.changeLanguage('de');
    expect(d.error().message).toMatch(/^Der Lauf der Pipeline hat das Zeitlimit \(30 s\)/);
  });

  it('holds the limit itself for HDFS settings, and leaves a job step to the sandbox', async () => {
    await i18n.changeLanguage('en');
    const d = pageDeadline(step('hdfs-blocks', 0), 30)!;
    expect(d.ms).toBe(30_000);
    expect(d.error().message).toMatch(/faults\[\]\.atMs/);
    expect(pageDeadline(step('mapreduce-iot-averages', 0), 30)).toBeUndefined();
  });
});
