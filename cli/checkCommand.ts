/**
 * `clusterlab check LAB FILE [--step N]`: runs a lab step on the learner's file (a job file, or
 * the JSON settings of an hdfs or server step) with sandbox workers, and prints every check with its
 * verdict and reason. Exit 0 only when every check passes; 1 when a check fails or the run
 * fails; 2 for bad usage (unknown lab, step out of range, missing file).
 */
import { relative, resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { readLocalText } from './localInput';
import { MAX_TIMEOUT_SECONDS, intInRange, parseSeed, parseTimeoutSeconds } from './runArgs';
import { createNodeSandboxPool, defaultPoolSize } from './sandboxPool';
import { budgetCheck, withRunBudget } from '../engine/sandbox';
import { LABS, findLab } from '../labs/labRegistry';
import { runStep, settingsStep, stepFileName, type StepOutcome } from '../labs/runStep';
import { notJudgedReason } from '../labs/notJudgedReason';
import { checkWords } from './checkWords';
import type { Lab, LabStep } from '../labs/labTypes';
import { localizeCheckResults, localizeLab, type UiLocale } from '../labs/labLocale';
import { oneLine } from './terminalSafeIo';
import { LANGUAGES, parseLang } from './langOption';
import { runErrorText } from '../labs/runErrorText';
import { loadPackAt, packArg } from './packSource';
import { studentNameProblem } from '../labs/handIn/studentName';
import { stepVaries, studentSeed, variantValues } from '../labs/variant';

export const CHECK_USAGE = `Usage: clusterlab check LAB FILE [--step N] [--student NAME] [--seed S] [--timeout SEC] [--pack PACK] [--json] [--lang ${LANGUAGES.join('|')}]

Runs step N (1-based, default 1) of lab LAB on FILE and prints each check with its verdict.
FILE is a job file (.js/.ts) for MapReduce and Spark steps, JSON settings for hdfs, server and
pipeline steps, and a KafkaJS program (exporting produce and consume) for streaming steps.
  --step N        the step to check (see 'clusterlab labs')
  --student NAME  run the step as NAME's variant (a step with per-student data and values)
  --seed S        the run's seed, 0 to 4,294,967,295 (default: the step's own)
  --timeout SEC   wall-clock budget for the run: the learner's code and the simulation
                  (default 30, at most ${MAX_TIMEOUT_SECONDS})
  --pack PACK     LAB is a lab of this teacher's pack (its folder or .clusterlab file)
  --json          print the verdicts as JSON
  --lang LANG     the report in LANG: its words, the lab's titles, the checks' titles and
                  reasons and the hint (${LANGUAGES.join(', ')}; English where a lab or check
                  has no translation)
Exit code: 0 every check passed, 1 a check or the run failed, 2 bad usage.
`;

interface CheckArgs {
  lab: string;
  file: string;
  step: number;
  seed: number | null;
  student: string | null;
  timeoutSeconds: number;
  json: boolean;
  pack: string | null;
  lang: UiLocale;
}

function parseArgs(argv: string[]): CheckArgs | 'help' {
  const positional: string[] = [];
  const args: CheckArgs = {
    lab: '',
    file: '',
    step: 1,
    seed: null,
    student: null,
    timeoutSeconds: 30,
    json: false,
    pack: null,
    lang: 'en',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--step') args.step = intInRange('--step', argv[++i], 1, 1000);
    else if (a === '--seed') args.seed = parseSeed(argv[++i]);
    else if (a === '--student') {
      const name = argv[++i];
      const problem = name === undefined ? 'is missing' : studentNameProblem(name);
      if (problem) throw new UsageError(`--student: the student's name ${problem}`);
      args.student = name!;
    } else if (a === '--timeout') args.timeoutSeconds = parseTimeoutSeconds(argv[++i]);
    else if (a === '--json') args.json = true;
    else if (a === '--pack') args.pack = packArg(argv[++i]);
    else if (a === '--lang') args.lang = parseLang(argv[++i]);
    else if (a.startsWith('--lang=')) args.lang = parseLang(a.slice('--lang='.length));
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (see 'clusterlab check --help')`);
    else positional.push(a);
  }
  if (positional.length !== 2)
    throw new UsageError(`expected LAB and FILE, got ${positional.length} argument(s)\n\n${CHECK_USAGE}`, true);
  [args.lab, args.file] = positional as [string, string];
  return args;
}

function format(lab: Lab, stepIndex: number, outcome: StepOutcome, lang: UiLocale): string {
  const step = lab.steps[stepIndex]!;
  const w = checkWords(lang);
  const verdictWidth = Math.max(w.pass.length, w.fail.length);
  const lines = [
    `${lab.title}, ${w.step(stepIndex + 1, lab.steps.length)}: ${step.title}${lab.chapters.length > 0 ? ` (Cookbook ${lab.chapters.join(', ')})` : ''}${lab.pack ? ` [${lab.pack.name}]` : ''}`,
    '',
  ];
  if (outcome.error) {
    // The error once; the checks by title only (each would only repeat that it was not judged).
    lines.push(`  ${w.runFailed}: ${oneLine(runErrorText(outcome.error.message, lang))}`, '');
    lines.push(`  ${w.notJudged(notJudgedReason(outcome.error, lang, step.kind))}:`);
    for (const c of outcome.checks) lines.push(`    - ${c.title}`);
    lines.push('', w.noneJudged(outcome.checks.length));
  } else {
    for (const c of outcome.checks) {
      lines.push(`  ${(c.pass ? w.pass : w.fail).padEnd(verdictWidth)}  ${c.title}`);
      lines.push(`  ${' '.repeat(verdictWidth + 2)}${oneLine(c.reason)}`);
    }
    const passed = outcome.checks.filter((c) => c.pass).length;
    const time = outcome.report ? `; ${w.simulated(Math.round(outcome.report.simulatedMs) / 1000)}` : '';
    lines.push('', `${w.tally(passed, outcome.checks.length)}${time}.`);
  }
  // The step's hints are about its logic: a file that did not compile or load needs its error fixed first.
  const judged = !outcome.error || outcome.error.kind === 'code';
  if (!outcome.passed && judged && step.hints.length > 0) lines.push(`${w.hint}: ${step.hints[0]}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Why `file` (read already: it exists) cannot be what `step` takes, told by its extension: a
 * settings step's JSON for a job file or a KafkaJS program, or the other way round (each was read
 * as the other, and failed with that parser's complaint); null when it may be (another extension
 * is read as the step's kind).
 */
function fileKindProblem(file: string, step: LabStep, which: string): string | null {
  const extension = /\.([A-Za-z]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const isJob = ['js', 'mjs', 'cjs', 'ts'].includes(extension);
  if (settingsStep(step) && isJob)
    return `${file}: ${which} takes a JSON file of settings (like ${stepFileName(step)}), and this is a job file (.${extension})`;
  if (!settingsStep(step) && extension === 'json')
    return `${file}: ${which} takes ${step.kind === 'stream' ? 'a KafkaJS program' : 'a job file'} (.js or .ts), and this is a JSON file`;
  return null;
}

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    io.out(CHECK_USAGE);
    return 0;
  }
  const labs = args.pack ? (await loadPackAt(resolve(io.cwd, args.pack))).labs : LABS;
  const lab = args.pack ? labs.find((l) => l.id === args.lab) : findLab(args.lab);
  if (!lab)
    throw new UsageError(
      `unknown lab '${args.lab}'${args.pack ? ` in the pack ${args.pack}` : ''} (labs: ${labs.map((l) => l.id).join(', ')})`,
    );
  if (args.step > lab.steps.length)
    throw new UsageError(`--step ${args.step}: lab '${lab.id}' has steps 1 to ${lab.steps.length}`);
  const step = lab.steps[args.step - 1]!;
  const full = resolve(io.cwd, args.file);
  const source = readLocalText(full, `file ${args.file}`, `file not found: ${args.file}`);
  const kindProblem = fileKindProblem(args.file, step, `step ${args.step} of ${lab.id}`);
  if (kindProblem) throw new UsageError(kindProblem);
  const shown = relative(io.cwd, full);
  const fileName = shown && !shown.startsWith('..') ? shown : full;
  const pool = settingsStep(step)
    ? null
    : await createNodeSandboxPool({
        size: defaultPoolSize(),
        timeoutSeconds: args.timeoutSeconds,
        log: (t) => io.err(`${t}\n`),
      });
  const variantSeed = args.student !== null ? studentSeed(args.student) : null;
  if (variantSeed !== null) {
    const values = Object.entries(variantValues(step, variantSeed));
    io.err(
      (step.kind === 'mapreduce' || step.kind === 'spark') && step.variant
        ? `${args.student}'s variant (seed ${variantSeed}): ${step.variant.description}${values.length ? `; ${values.map(([k, v]) => `${k} = ${v}`).join(', ')}` : ''}\n`
        : stepVaries(lab, step)
          ? `${args.student}'s variant (seed ${variantSeed}): the lab pack generates their own data\n`
          : `--student: step ${args.step} of '${lab.id}' is the same for every student\n`,
    );
  }
  // --timeout covers each run's simulation too, not only the learner's code.
  const runner = pool ? withRunBudget(pool, args.timeoutSeconds, () => performance.now()) : null;
  try {
    const outcome = await runStep({
      lab,
      stepIndex: args.step - 1,
      source,
      fileName,
      ...(runner ? { runner } : {}),
      // A pipeline step's run is timed here (no sandbox runs it): --timeout ends it too.
      check: budgetCheck(args.timeoutSeconds, () => performance.now()),
      ...(args.seed !== null ? { seed: args.seed } : {}),
      ...(variantSeed !== null ? { variantSeed } : {}),
    });
    // The run is the lab's own; only what is printed is in --lang (runStep's results are English).
    const shownLab = args.lang === 'en' ? lab : localizeLab(lab, args.lang);
    const shownOutcome = {
      ...outcome,
      checks: localizeCheckResults(shownLab.steps[args.step - 1]!, outcome.checks, args.lang),
    };
    if (args.json) {
      const simulatedMs = outcome.report ? outcome.report.simulatedMs : null;
      const error = outcome.error && { ...outcome.error, message: runErrorText(outcome.error.message, args.lang) };
      io.out(
        `${JSON.stringify({ lab: lab.id, step: args.step, passed: outcome.passed, checks: shownOutcome.checks, error, simulatedMs }, null, 2)}\n`,
      );
      // JSON goes to programs: the error is also said once on stderr, for the person watching.
      if (error) io.err(`clusterlab check: the run failed: ${oneLine(error.message)}\n`);
    } else io.out(format(shownLab, args.step - 1, shownOutcome, args.lang));
    return outcome.passed ? 0 : 1;
  } finally {
    await runner?.close();
  }
}
