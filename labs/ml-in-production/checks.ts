/**
 * The ml-in-production lab's checks: they read the run's machine-learning report (engine/pipeline
 * mlTracker.ts): the registry of every model trained, the drifts model serving detected, and the
 * error of every prediction it served, per minute and, over the run's last 10 minutes, per pump.
 */
import type { MlReport, PipelineResult } from '../../engine/pipeline';
import { fail, pass, pipelineRunOf, seconds } from '../checkKit';
import type { CheckVerdict, LabCheck, StepRun } from '../labTypes';

const n = (v: number) => v.toLocaleString('en-US');
const kw = (v: number) => `${(Math.round(v * 100) / 100).toFixed(2)} kW`;

function withMl(run: StepRun, judge: (ml: MlReport, result: PipelineResult) => CheckVerdict): CheckVerdict {
  const result = pipelineRunOf(run).report.result;
  if (!result.ml)
    return fail(
      'No part of this pipeline trains or serves a model: it needs a `model-serving` part and a `spark-batch` job whose op is trainRegression.',
    );
  return judge(result.ml, result);
}

/** The served predictions of the run's last 10 minutes: how many, how many unscored, their mean absolute error. */
function lastStretch(ml: MlReport, endMs: number) {
  const from = endMs - ml.lastMs;
  const unscored = ml.served.filter((b) => b.t >= from).reduce((a, b) => a + b.unscored, 0);
  const scored = ml.byKey.reduce((a, k) => a + k.scored, 0);
  const sum = ml.byKey.reduce((a, k) => a + (k.mae ?? 0) * k.scored, 0);
  return { scored, unscored, mae: scored > 0 ? sum / scored : null };
}

/** A model trained on the lake reached model serving. */
export function modelDeployedCheck(id: string): LabCheck {
  return {
    id,
    title: 'A model trained in batch serves the stream',
    evaluate: (run) =>
      withMl(run, (ml) => {
        const deployed = ml.models.find((m) => m.deployedAtMs !== null);
        if (deployed) {
          const p = deployed.models[0]!;
          return pass(
            `Model ${deployed.version}, trained by ${deployed.trainer} at ${seconds(deployed.trainedAtMs)} on ${n(deployed.rows)} readings (power = ${p.slope.toFixed(2)} × load + ${p.intercept.toFixed(2)} kW${deployed.models.length > 1 ? `, and ${deployed.models.length - 1} more` : ''}; held-out error ${kw(deployed.holdoutMae ?? 0)}), served from ${seconds(deployed.deployedAtMs!)} on.`,
          );
        }
        if (ml.models.length === 0) {
          const unscored = ml.served.reduce((a, b) => a + b.unscored, 0);
          return fail(
            `No model was ever trained: model serving passed ${n(unscored)} readings on without a prediction. A \`spark-batch\` job with op trainRegression reads the lake and deploys to it.`,
          );
        }
        const why = ml.models[ml.models.length - 1]!;
        return fail(
          `${n(ml.models.length)} models were trained, none reached model serving: the last was ${why.rejected ? `refused: ${why.rejected}` : 'sent, but model serving could not be reached'}.`,
        );
      }),
  };
}

/** Over the run's last 10 minutes, every reading was scored and the mean absolute error is at most `boundKw`. */
export function servedErrorCheck(id: string, boundKw: number): LabCheck {
  return {
    id,
    title: `The last 10 minutes' predictions: all scored, error at most ${boundKw} kW`,
    evaluate: (run) =>
      withMl(run, (ml, result) => {
        const last = lastStretch(ml, result.simulatedMs);
        if (last.unscored > 0)
          return fail(
            `${n(last.unscored)} readings of the run's last 10 minutes were passed on without a prediction: no model was serving.`,
          );
        if (last.mae === null) return fail("No prediction was served in the run's last 10 minutes.");
        const text = `Over the run's last 10 minutes, ${n(last.scored)} predictions were off by ${kw(last.mae)} on average`;
        if (last.mae <= boundKw) return pass(`${text}.`);
        const worst = [...ml.byKey].sort((a, b) => (b.mae ?? 0) - (a.mae ?? 0))[0]!;
        return fail(
          `${text}, more than ${boundKw} kW (pump ${worst.key} by ${kw(worst.mae ?? 0)}). The registry says what the model serving then had been trained on.`,
        );
      }),
  };
}

/** Model serving detected drift once the pumps wore, and never before. */
export function driftDetectedCheck(id: string, wearFromMs: number): LabCheck {
  return {
    id,
    title: 'Drift is detected once the pumps wear, not before',
    evaluate: (run) =>
      withMl(run, (ml, result) => {
        const serving = result.parts.filter((p) => p.type === 'model-serving');
        if (ml.drifts.length === 0) {
          const ignoring = serving.filter((p) => p.settings.onDrift === 'ignore').map((p) => p.id);
          return fail(
            ignoring.length > 0
              ? `No drift was detected: ${ignoring.join(', ')} ${ignoring.length > 1 ? 'ignore' : 'ignores'} its error (onDrift: ignore).`
              : `No drift was detected: the latest predictions' error never passed driftMae (${serving.map((p) => `${p.id}: ${p.settings.driftMae} kW`).join(', ')}).`,
          );
        }
        const early = ml.drifts.find((d) => d.t < wearFromMs);
        if (early)
          return fail(
            `${early.part} reported drift at ${seconds(early.t)}, before any pump wore (from ${seconds(wearFromMs)}): its latest predictions were off by ${kw(early.mae)}, which a healthy fleet's model reaches too. A false alarm retrains for nothing.`,
          );
        const first = ml.drifts[0]!;
        return pass(
          `${first.part} detected drift at ${seconds(first.t)}: its latest predictions were off by ${kw(first.mae)} on average (model ${first.version}). ${n(ml.drifts.length)} drift${ml.drifts.length > 1 ? 's' : ''} in all, none before the wear.`,
        );
      }),
  };
}

/** A drift had a model trained and deployed without anyone's hand. */
export function replacedAutomaticallyCheck(id: string): LabCheck {
  return {
    id,
    title: 'The drifted model is replaced automatically',
    evaluate: (run) =>
      withMl(run, (ml) => {
        const replaced = ml.models.find((m) => m.trigger === 'drift' && m.deployedAtMs !== null);
        if (replaced)
          return pass(
            `The drift had model ${replaced.version} trained at ${seconds(replaced.trainedAtMs)} on ${n(replaced.rows)} readings from ${seconds(replaced.windowFromMs ?? 0)} to ${seconds(replaced.windowToMs ?? 0)}, deployed at ${seconds(replaced.deployedAtMs!)}.`,
          );
        if (ml.drifts.length > 0 && ml.drifts.every((d) => d.action === 'alert'))
          return fail('Drift was detected but only reported (onDrift: alert): nobody retrains the model.');
        const tried = ml.models.filter((m) => m.trigger === 'drift');
        if (tried.length > 0)
          return fail(
            `The drift had ${n(tried.length)} model${tried.length > 1 ? 's' : ''} trained, none deployed: ${tried[tried.length - 1]!.rejected ?? 'model serving could not be reached'}.`,
          );
        return fail('No model was trained because of drift.');
      }),
  };
}

/** Over the run's last 10 minutes, every pump's predictions are off by at most `boundKw` on average. */
export function perPumpErrorCheck(id: string, boundKw: number, pumps: number): LabCheck {
  return {
    id,
    title: `Every pump's predictions within ${boundKw} kW over the last 10 minutes`,
    evaluate: (run) =>
      withMl(run, (ml) => {
        const missing = Array.from({ length: pumps }, (_, k) => k).filter(
          (k) => !ml.byKey.some((b) => b.key === k && b.scored > 0),
        );
        if (missing.length > 0)
          return fail(`No prediction was scored for pump ${missing.join(', ')} in the run's last 10 minutes.`);
        const bad = ml.byKey.filter((b) => (b.mae ?? 0) > boundKw);
        const list = (rows: typeof ml.byKey) => rows.map((b) => `pump ${b.key}: ${kw(b.mae ?? 0)}`).join(', ');
        if (bad.length === 0) return pass(`Over the run's last 10 minutes: ${list(ml.byKey)}.`);
        return fail(
          `Over the run's last 10 minutes, ${list(bad)}, more than ${boundKw} kW (the others: ${list(ml.byKey.filter((b) => !bad.includes(b)))}). Look at what the models in the registry are fit to.`,
        );
      }),
  };
}

/** maxHoldoutMae's default and top (engine/pipeline/partCatalogue.ts): no bound on the held-out error. */
const NO_HOLDOUT_BOUND = 1_000_000;

/** The training job refuses models testing worse than `maxKw`, and no deployed model did. */
export function evaluatedBeforeDeployCheck(id: string, maxKw: number): LabCheck {
  return {
    id,
    title: `Only models that test within ${maxKw} kW reach production`,
    evaluate: (run) =>
      withMl(run, (ml, result) => {
        const trainers = result.parts.filter((p) => p.type === 'spark-batch' && p.settings.op === 'trainRegression');
        const loose = trainers.filter((p) => Number(p.settings.maxHoldoutMae) > maxKw);
        if (trainers.length === 0) return fail('No `spark-batch` job trains a model (op trainRegression).');
        if (loose.length > 0)
          return fail(
            `${loose
              .map((p) =>
                // The part's default (its top) sets no bound: it deploys whatever it trains.
                Number(p.settings.maxHoldoutMae) >= NO_HOLDOUT_BOUND
                  ? `${p.id} sets no maxHoldoutMae, so it deploys every model it trains, however far off it is on held-out readings`
                  : `${p.id} deploys models that test up to ${kw(Number(p.settings.maxHoldoutMae))} on held-out readings (its maxHoldoutMae)`,
              )
              .join('; ')}: set maxHoldoutMae to at most ${maxKw} kW.`,
          );
        const bad = ml.models.find((m) => m.deployed && (m.holdoutMae ?? Infinity) > maxKw);
        if (bad) return fail(`Model ${bad.version} was deployed with a held-out error of ${kw(bad.holdoutMae ?? 0)}.`);
        const deployed = ml.models.filter((m) => m.deployed);
        const refused = ml.models.length - deployed.length;
        return pass(
          `${n(ml.models.length)} models trained, ${n(deployed.length)} deployed, each within ${maxKw} kW on its held-out readings${refused ? `; ${n(refused)} refused` : ''}. The registry keeps each one's window, rows, settings and parameters.`,
        );
      }),
  };
}
