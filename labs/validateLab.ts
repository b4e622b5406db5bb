/**
 * Checks that a lab definition has the lab format (labTypes.ts) before the app or the CLI
 * trusts it. Errors name the lab and the field: `lab 'hdfs-blocks': steps[2].checks[0].title:
 * must be a non-empty string`. The starter and solution of an hdfs or server step must parse as settings.
 */
import { variantProblem } from './variant';
import { checkPipelineFile } from './pipelineFile';
import { isPresetName, presetNames, resolveClusterSpec } from '../engine/cluster';
import { ValidationError } from '../engine/core';
import { resolveSparkConf, type SparkConfInput } from '../engine/spark';
import { resolveYarnConfig, resolveYarnLoads } from '../engine/yarn';
import { parseHdfsSettings } from './hdfsSettings';
import { parseServerSettings } from './serverSettings';
import { SettingsError } from './jsonSettings';
import { brokerNodeIds, checkKafkaFaults, topicNameProblem } from '../engine/streaming';
import { clusterOf } from './clusterOf';
import { LAB_LOCALES, STEP_KINDS, type Lab } from './labTypes';
import { validateTranslations } from './validateTranslations';

export class LabValidationError extends Error {
  override name = 'LabValidationError';
  constructor(
    readonly labId: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`lab '${labId}': ${field}: ${problem}`);
  }
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CHAPTER = /^\d+(\.\d+)*$/;
const CITE = /Cookbook \d+(\.\d+)*/;

const describe = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}...` : v);
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
};

/**
 * `pack`: a lab of a teacher's pack (labs/packs/), which need not follow the cookbook: no chapters
 * or citations required, 1 to 10 steps.
 */
export function validateLab(raw: unknown, options: { pack?: boolean } = {}): Lab {
  const pack = options.pack === true;
  const labId =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : '?';
  const bad = (field: string, problem: string): never => {
    throw new LabValidationError(labId, field, problem);
  };
  const object = (field: string, v: unknown): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(field, `must be an object, got ${describe(v)}`);
    return v as Record<string, unknown>;
  };
  const text = (field: string, v: unknown): string => {
    if (typeof v !== 'string' || v.trim() === '') bad(field, `must be a non-empty string, got ${describe(v)}`);
    return v as string;
  };
  const kebab = (field: string, v: unknown): string => {
    if (!KEBAB.test(text(field, v))) bad(field, `must be kebab-case like 'hdfs-blocks', got ${describe(v)}`);
    return v as string;
  };
  const array = (field: string, v: unknown, min: number, max: number): unknown[] => {
    if (!Array.isArray(v)) return bad(field, `must be an array, got ${describe(v)}`);
    if (v.length < min || v.length > max)
      bad(field, `must have ${min === max ? min : `${min} to ${max}`} entries, got ${v.length}`);
    return v;
  };
  const posInt = (field: string, v: unknown): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
      bad(field, `must be a positive integer, got ${describe(v)}`);
    return v as number;
  };
  const cluster = (field: string, v: unknown): void => {
    if (typeof v === 'string') {
      if (!isPresetName(v)) bad(field, `unknown preset ${describe(v)} (known: ${presetNames.join(', ')})`);
      return;
    }
    try {
      resolveClusterSpec(object(field, v) as never, field);
    } catch (error) {
      if (error instanceof LabValidationError) throw error;
      bad(field, (error as Error).message.replace(`${field}: `, ''));
    }
  };

  const lab = object('lab', raw);
  kebab('id', lab.id);
  text('title', lab.title);
  array('chapters', lab.chapters, pack ? 0 : 1, 12).forEach((c, i) => {
    if (typeof c !== 'string' || !CHAPTER.test(c))
      bad(`chapters[${i}]`, `must be a cookbook chapter like '20.1.2', got ${describe(c)}`);
  });
  posInt('minutes', lab.minutes);
  text('summary', lab.summary);
  text('intro', lab.intro);
  if (typeof lab.cluster !== 'string' || !isPresetName(lab.cluster))
    bad('cluster', `must be a preset name (${presetNames.join(', ')}), got ${describe(lab.cluster)}`);
  const datasetIds = array('datasets', lab.datasets, 0, 50).map((d, i) => {
    const o = object(`datasets[${i}]`, d);
    text(`datasets[${i}].description`, o.description);
    if (typeof o.text !== 'function') bad(`datasets[${i}].text`, 'must be a function returning the generated text');
    return kebab(`datasets[${i}].id`, o.id);
  });

  /** The starter and solution of a settings step must parse as its settings. */
  const settingsParse = (
    at: string,
    starter: string,
    solution: string,
    parse: (text: string, name: string) => unknown,
  ) => {
    for (const which of ['starter', 'solution'] as const) {
      try {
        parse(which === 'starter' ? starter : solution, `${at}.${which}`);
      } catch (error) {
        if (error instanceof SettingsError)
          bad(`${at}.${which}`, `not valid settings: ${error.message.replace(`${at}.${which}:`, 'line ')}`);
        throw error;
      }
    }
  };

  const stepIds = new Set<string>();
  array('steps', lab.steps, pack ? 1 : 3, pack ? 10 : 7).forEach((s, i) => {
    const at = `steps[${i}]`;
    const step = object(at, s);
    const id = kebab(`${at}.id`, step.id);
    if (stepIds.has(id)) bad(`${at}.id`, `'${id}' is used by an earlier step`);
    stepIds.add(id);
    text(`${at}.title`, step.title);
    if (!CITE.test(text(`${at}.instructions`, step.instructions)) && !pack)
      bad(`${at}.instructions`, "must cite a cookbook chapter like 'Cookbook 20.1.2'");
    if (!STEP_KINDS.includes(step.kind as never))
      bad(`${at}.kind`, `must be one of ${STEP_KINDS.map((k) => `'${k}'`).join(', ')}, got ${describe(step.kind)}`);
    const starter = text(`${at}.starter`, step.starter);
    const solution = text(`${at}.solution`, step.solution);
    if (starter === solution) bad(`${at}.starter`, 'must differ from the solution (a beginning, not the answer)');
    array(`${at}.hints`, step.hints, 1, 3).forEach((h, k) => text(`${at}.hints[${k}]`, h));
    // Practice gives every step fresh data; a server step has no chance in it, so a fresh deadline.
    const practiceDeadlines = (step.practice as { deadlinesMinutes?: unknown } | undefined)?.deadlinesMinutes;
    if (step.kind === 'server' && !pack && practiceDeadlines === undefined)
      bad(
        `${at}.practice.deadlinesMinutes`,
        "is needed: a server step's practice attempts draw their deadline from it",
      );
    if (step.practice !== undefined) {
      const practice = object(`${at}.practice`, step.practice);
      if (practice.solution !== undefined && typeof practice.solution !== 'function')
        bad(`${at}.practice.solution`, "must be a function from an attempt's seed to the reference solution");
      if (practice.hints !== undefined)
        array(`${at}.practice.hints`, practice.hints, 1, 3).forEach((h, k) => text(`${at}.practice.hints[${k}]`, h));
      if (practice.sameSimulation !== undefined && practice.sameSimulation !== true)
        bad(`${at}.practice.sameSimulation`, `must be true or left out, got ${describe(practice.sameSimulation)}`);
      if (practice.sameSimulation === true && step.kind !== 'mapreduce' && step.kind !== 'spark')
        bad(`${at}.practice.sameSimulation`, 'is for job steps only, whose data an attempt draws afresh');
      if (practice.deadlinesMinutes !== undefined) {
        if (step.kind !== 'server') bad(`${at}.practice.deadlinesMinutes`, 'is for server steps only');
        array(`${at}.practice.deadlinesMinutes`, practice.deadlinesMinutes, 1, 100).forEach((m, k) => {
          if (!Number.isInteger(m) || (m as number) < 1 || (m as number) > 1440)
            bad(`${at}.practice.deadlinesMinutes[${k}]`, `must be whole minutes from 1 to 1440, got ${String(m)}`);
        });
      }
    }
    const checkIds = new Set<string>();
    array(`${at}.checks`, step.checks, 1, 12).forEach((c, k) => {
      const check = object(`${at}.checks[${k}]`, c);
      const cid = kebab(`${at}.checks[${k}].id`, check.id);
      if (checkIds.has(cid)) bad(`${at}.checks[${k}].id`, `'${cid}' is used by an earlier check of this step`);
      checkIds.add(cid);
      text(`${at}.checks[${k}].title`, check.title);
      if (typeof check.evaluate !== 'function')
        bad(`${at}.checks[${k}].evaluate`, 'must be a function (run) => { pass, reason }');
    });
    const run = object(`${at}.run`, step.run);
    if (typeof run.seed !== 'number' || !Number.isInteger(run.seed))
      bad(`${at}.run.seed`, `must be an integer, got ${describe(run.seed)}`);
    if (step.kind === 'pipeline') {
      if (!isPresetName(run.cluster))
        bad(`${at}.run.cluster`, `must be a preset's name (${presetNames.join(', ')}), got ${describe(run.cluster)}`);
      const clusterName = run.cluster as string;
      if (run.words !== undefined) {
        const words = object(`${at}.run.words`, run.words);
        const forms = (where: string, given: Record<string, unknown>, all: boolean) => {
          for (const w of ['key', 'keys', 'event', 'events'])
            if (
              (all || w !== 'keys' || given[w] !== undefined) &&
              (typeof given[w] !== 'string' || !/^[\p{L} -]{1,40}$/u.test(given[w] as string))
            )
              bad(`${where}.${w}`, `must be a word or two (letters, spaces, hyphens), got ${describe(given[w])}`);
        };
        forms(`${at}.run.words`, words, false);
        if (words.translations !== undefined) {
          const translations = object(`${at}.run.words.translations`, words.translations);
          for (const [locale, given] of Object.entries(translations)) {
            if (!(LAB_LOCALES as readonly string[]).includes(locale))
              bad(
                `${at}.run.words.translations.${locale}`,
                `is not a locale labs are translated into (${LAB_LOCALES.join(', ')})`,
              );
            else
              forms(
                `${at}.run.words.translations.${locale}`,
                object(`${at}.run.words.translations.${locale}`, given),
                true,
              );
          }
        }
      }
      settingsParse(at, starter, solution, (text, name) => checkPipelineFile(text, name, clusterName));
      return;
    }
    if (step.kind === 'server') {
      if (typeof run.deadlineMinutes !== 'number' || !(run.deadlineMinutes > 0) || run.deadlineMinutes > 24 * 60)
        bad(
          `${at}.run.deadlineMinutes`,
          `must be a number of minutes from 1 to 1440, got ${describe(run.deadlineMinutes)}`,
        );
      settingsParse(at, starter, solution, parseServerSettings);
      return;
    }
    cluster(`${at}.run.cluster`, run.cluster);
    if (step.kind === 'hdfs') {
      settingsParse(at, starter, solution, parseHdfsSettings);
      return;
    }
    if (step.kind === 'stream') {
      const streamRun = (field: string, r: Record<string, unknown>) => {
        if (typeof r.seed !== 'number' || !Number.isInteger(r.seed))
          bad(`${field}.seed`, `must be an integer, got ${describe(r.seed)}`);
        cluster(`${field}.cluster`, r.cluster);
        array(`${field}.topics`, r.topics, 0, 20).forEach((t, k) => {
          const topic = object(`${field}.topics[${k}]`, t);
          if (topicNameProblem(topic.name) !== null) bad(`${field}.topics[${k}].name`, topicNameProblem(topic.name)!);
          posInt(`${field}.topics[${k}].partitions`, topic.partitions);
          posInt(`${field}.topics[${k}].replicationFactor`, topic.replicationFactor);
          posInt(`${field}.topics[${k}].minInsyncReplicas`, topic.minInsyncReplicas);
        });
        if (!datasetIds.includes(r.records as string))
          bad(
            `${field}.records`,
            `must name one of the lab's datasets (${datasetIds.join(', ') || 'none'}), got ${describe(r.records)}`,
          );
        if (typeof r.consumers !== 'number' || !Number.isInteger(r.consumers) || r.consumers < 0 || r.consumers > 16)
          bad(`${field}.consumers`, `must be an integer from 0 to 16, got ${describe(r.consumers)}`);
        posInt(`${field}.durationMs`, r.durationMs);
        text(`${field}.recordId`, r.recordId);
        if (r.storeTopic !== undefined && topicNameProblem(r.storeTopic) !== null)
          bad(`${field}.storeTopic`, topicNameProblem(r.storeTopic)!);
        const names = (r.topics as { name: unknown }[]).map((t) => t.name);
        if (r.storeTopic !== undefined && !names.includes(r.storeTopic))
          bad(
            `${field}.storeTopic`,
            `must be one of the run's topics (${names.join(', ')}), got ${describe(r.storeTopic)}`,
          );
        if (r.brokers !== undefined) posInt(`${field}.brokers`, r.brokers);
        try {
          checkKafkaFaults(r.faults ?? [], brokerNodeIds(clusterOf(r.cluster as never), (r.brokers as number) ?? 3));
        } catch (error) {
          if (error instanceof ValidationError) bad(`${field}.${error.path}`, error.problem);
          throw error;
        }
      };
      streamRun(`${at}.run`, run);
      array(`${at}.extraRuns`, step.extraRuns ?? [], 0, 5).forEach((x, k) => {
        const extra = object(`${at}.extraRuns[${k}]`, x);
        kebab(`${at}.extraRuns[${k}].id`, extra.id);
        text(`${at}.extraRuns[${k}].label`, extra.label);
        streamRun(`${at}.extraRuns[${k}].run`, object(`${at}.extraRuns[${k}].run`, extra.run));
      });
      return;
    }
    const jobRun = (field: string, r: Record<string, unknown>) => {
      posInt(`${field}.blockSize`, r.blockSize);
      array(`${field}.files`, r.files, 1, 20).forEach((f, k) => {
        const file = object(`${field}.files[${k}]`, f);
        if (typeof file.path !== 'string' || !file.path.startsWith('/'))
          bad(`${field}.files[${k}].path`, `must be an absolute DFS path, got ${describe(file.path)}`);
        if (!datasetIds.includes(file.dataset as string))
          bad(
            `${field}.files[${k}].dataset`,
            `must name one of the lab's datasets (${datasetIds.join(', ') || 'none'}), got ${describe(file.dataset)}`,
          );
      });
      if (r.faults !== undefined) array(`${field}.faults`, r.faults, 0, 100);
      if (r.sparkConf !== undefined) {
        try {
          resolveSparkConf(object(`${field}.sparkConf`, r.sparkConf) as SparkConfInput);
        } catch (error) {
          if (error instanceof ValidationError) bad(`${field}.sparkConf['${error.path}']`, error.problem);
          throw error;
        }
      }
      try {
        if (r.yarn !== undefined) resolveYarnConfig(object(`${field}.yarn`, r.yarn), `${field}.yarn`);
        resolveYarnLoads(r.yarnLoad);
      } catch (error) {
        if (error instanceof ValidationError)
          bad(error.path.startsWith('yarnLoad') ? `${field}.${error.path}` : error.path, error.problem);
        throw error;
      }
    };
    jobRun(`${at}.run`, run);
    if (step.extraRuns !== undefined) {
      array(`${at}.extraRuns`, step.extraRuns, 0, 5).forEach((x, k) => {
        const extra = object(`${at}.extraRuns[${k}]`, x);
        kebab(`${at}.extraRuns[${k}].id`, extra.id);
        text(`${at}.extraRuns[${k}].label`, extra.label);
        const r = object(`${at}.extraRuns[${k}].run`, extra.run);
        cluster(`${at}.extraRuns[${k}].run.cluster`, r.cluster);
        jobRun(`${at}.extraRuns[${k}].run`, r);
        if (extra.code !== 'learner') {
          const code = object(`${at}.extraRuns[${k}].code`, extra.code);
          text(`${at}.extraRuns[${k}].code.fileName`, code.fileName);
          text(`${at}.extraRuns[${k}].code.text`, code.text);
        }
      });
    }
    if (step.variant !== undefined) {
      const problem = variantProblem(lab.datasets as Lab['datasets'], step.variant, step.instructions as string);
      if (problem) bad(`${at}.variant.${problem.field}`, problem.problem);
    }
  });
  validateTranslations(raw as Lab, bad);
  return raw as Lab;
}
