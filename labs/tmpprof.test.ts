import { it } from 'vitest';
import { runStep } from './runStep';
import { iotAveragesLab as lab } from './iotAverages/iotAveragesLab';
import { createLabInProcessRunner } from './inProcessLabRunner';
it('x', async () => {
  const runner = createLabInProcessRunner();
  for (let i = 0; i < 3; i++) for (const w of ['solution', 'starter', 'solution'] as const) { const t = performance.now(); const o = await runStep({ lab, stepIndex: i, source: lab.steps[i]![w], runner }); console.log(i, w, Math.round(performance.now() - t), o.extra.map((x) => x.report.simulatedMs)); }
});
