/**
 * The ml-in-production lab (Cookbook 22.3–22.7): a regression trained in batch on the pumps'
 * readings in the lake and applied in the stream by model serving; wear makes it drift, the loop
 * of retraining and redeploying closes without a hand on it, and every pump gets its own model,
 * each tested before it reaches production and recorded in the registry. Judged by the run's
 * machine-learning report (engine/pipeline mlTracker.ts).
 */
import type { Lab } from '../labTypes';
import {
  driftDetectedCheck,
  evaluatedBeforeDeployCheck,
  modelDeployedCheck,
  perPumpErrorCheck,
  replacedAutomaticallyCheck,
  servedErrorCheck,
} from './checks';
import intro from './intro.md?raw';
import trainInstructions from './steps/1-train-and-apply/instructions.md?raw';
import trainStarter from './steps/1-train-and-apply/starter.json?raw';
import trainSolution from './steps/1-train-and-apply/solution.json?raw';
import wearInstructions from './steps/2-models-do-not-work-forever/instructions.md?raw';
import wearStarter from './steps/2-models-do-not-work-forever/starter.json?raw';
import wearSolution from './steps/2-models-do-not-work-forever/solution.json?raw';
import perPumpInstructions from './steps/3-a-model-per-pump/instructions.md?raw';
import perPumpStarter from './steps/3-a-model-per-pump/starter.json?raw';
import perPumpSolution from './steps/3-a-model-per-pump/solution.json?raw';

export const PUMPS = 8;
/** Step 1: an hour of readings and a minute more; steps 2 and 3: two hours and a minute. */
export const HOUR_RUN_MS = 3_660_000;
export const TWO_HOUR_RUN_MS = 7_260_000;
/** The pumps wear from 30 minutes on (steps 2 and 3). */
export const WEAR_FROM_MS = 1_800_000;
export const FLEET_BOUND_KW = 2.5;
export const WEAR_BOUND_KW = 3;
export const PUMP_BOUND_KW = 3;
export const MAX_HOLDOUT_KW = 2;

const lab: Lab = {
  id: 'ml-in-production',
  title: 'Machine learning in production',
  chapters: ['22.3', '22.4', '22.5', '22.6', '22.7'],
  minutes: 35,
  summary:
    'Train a regression in batch and apply it in the stream, watch wear make it drift, close the loop of retraining and redeploying, and give every pump a model that is tested before production.',
  intro,
  cluster: 'classroom',
  datasets: [],
  steps: [
    {
      id: 'train-and-apply',
      title: 'Train in batch, apply in the stream',
      kind: 'pipeline',
      instructions: trainInstructions,
      starter: trainStarter,
      solution: trainSolution,
      hints: [
        'A `spark-batch` part reads an `hdfs` part; with `"op": "trainRegression"` it feeds a `model-serving` part.',
        'Wire the lake to the new job and the job to the model-serving part, and give it `"everyMs": 600000`.',
      ],
      run: { seed: 22, cluster: 'classroom', untilMs: HOUR_RUN_MS },
      checks: [modelDeployedCheck('model-deployed'), servedErrorCheck('served-error', FLEET_BOUND_KW)],
    },
    {
      id: 'models-do-not-work-forever',
      title: 'Models do not work forever',
      kind: 'pipeline',
      instructions: wearInstructions,
      starter: wearStarter,
      solution: wearSolution,
      hints: [
        "The model-serving part's `onDrift` decides what a drift does; `driftMae` is how wrong the latest predictions may be before it counts.",
        'A model fit to two hours of readings fits the pumps as they were, on average. `trainWindowMs` makes the job train on the last stretch only.',
      ],
      run: { seed: 22, cluster: 'classroom', untilMs: TWO_HOUR_RUN_MS },
      checks: [
        driftDetectedCheck('drift-detected', WEAR_FROM_MS),
        replacedAutomaticallyCheck('replaced-automatically'),
        servedErrorCheck('served-error', WEAR_BOUND_KW),
      ],
    },
    {
      id: 'a-model-per-pump',
      title: 'Machines are very different',
      kind: 'pipeline',
      instructions: perPumpInstructions,
      starter: perPumpStarter,
      solution: perPumpSolution,
      hints: [
        "The training job's `modelPer` setting fits one model for the fleet, or one for each key: each pump.",
        '`maxHoldoutMae` is the test a model must pass on its held-out readings before it is deployed.',
      ],
      run: { seed: 22, cluster: 'classroom', untilMs: TWO_HOUR_RUN_MS },
      checks: [
        perPumpErrorCheck('every-pump', PUMP_BOUND_KW, PUMPS),
        evaluatedBeforeDeployCheck('tested-before-production', MAX_HOLDOUT_KW),
      ],
    },
  ],
};

export default lab;
