/**
 * The lab format: a lab is plain data (texts, starter and solution code, run settings) plus pure
 * check functions that judge a run. The lab player, the CLI's `check` command and the labs'
 * tests all read labs through these types; `validateLab` proves a lab file has this shape.
 */
import type { FaultSpec, PresetName } from '../engine/cluster';
import type { JobRunReport, ClusterSnapshot, KafkaJobReport, SimulationEvent, SimulationMetrics } from '../engine/api';
import type { KafkaFault } from '../engine/streaming';
import type { HdfsSettings } from './hdfsSettings';
import type { ServerSettings } from './serverSettings';
import type { PlatformRun } from '../engine/server';
import type { PipelineFault, PipelineResult } from '../engine/pipeline';
import type { LabLocale, LabTranslations } from './labTranslationTypes';

/**
 * 'mapreduce' and 'spark' steps edit a job file (issue 4's format); 'hdfs' steps edit JSON
 * settings; 'stream' steps edit a KafkaJS program (docs/streaming-design.md); 'server' steps edit
 * JSON settings of a SQL server platform (serverSettings.ts); 'pipeline' steps edit a pipeline
 * file: parts on the cluster's machines, wired (pipelineFile.ts, engine/pipeline).
 */
export type StepKind = 'mapreduce' | 'spark' | 'hdfs' | 'stream' | 'server' | 'pipeline';
export const STEP_KINDS: readonly StepKind[] = ['mapreduce', 'spark', 'hdfs', 'stream', 'server', 'pipeline'];

/** What a check says about a run; `reason` says concretely what was right or wrong. */
export interface CheckVerdict {
  pass: boolean;
  reason: string;
  /** The reason in other locales, where the check writes them (labLocale.ts picks one). */
  reasons?: Partial<Record<LabLocale, string>>;
}

/** A check as the UI shows it. */
export interface CheckResult extends CheckVerdict {
  id: string;
  title: string;
}

/** A check: a pure function of the run (no clock, no randomness, no I/O). */
export interface LabCheck {
  id: string;
  title: string;
  evaluate(run: StepRun): CheckVerdict;
  /**
   * A lab pack's `script` check: the name of the function of the lab's checks.js that judges the
   * run, called in the sandbox (labs/packs/packRun.ts) instead of `evaluate`.
   */
  sandboxed?: string;
}

/** Sample data a lab generates deterministically (same bytes on every machine). */
export interface LabDataset {
  id: string;
  description: string;
  /** Pure and memoised by the lab: the same text every call. */
  text(): string;
  /**
   * A lab pack's generated dataset: the function of the lab's data.js that makes it, called in
   * the sandbox with the run's seed before the run (labs/packs/packRun.ts); `text` then gives it.
   */
  generate?: string;
  /**
   * The dataset of a per-student variant (labs/variant.ts): the same kind of data drawn from
   * `seed`. Pure: the same seed gives the same text on every machine.
   */
  forSeed?(seed: number): string;
}

/** Where a lab from a teacher's pack (labs/packs/) came from, and its code: untrusted, run in the sandbox. */
export interface LabPackSource {
  /** The pack's id and name (the home page groups its labs under the name). */
  id: string;
  name: string;
  /** The lab's checks.js (its `script` checks' functions) and data.js (its generated datasets), if it has them. */
  checks: { fileName: string; text: string } | null;
  data: { fileName: string; text: string } | null;
}

/** What a variant gives a step's texts (`{{variant.top}}`) and checks: named numbers or words. */
export type VariantValues = Readonly<Record<string, number | string>>;

/**
 * A step whose data and parameters differ per student, drawn from a seed tied to the student's
 * name (labs/variant.ts: studentSeed), so neighbours cannot copy answers; `clusterlab grade` uses
 * the same seeds, practice mode a fresh one per attempt. Without a seed the step runs as written.
 */
export interface StepVariant {
  /** One sentence: what differs between students. */
  description: string;
  /** The lab's datasets (by id, each with `forSeed`) this step's runs draw from the seed. */
  datasets: string[];
  /** The values drawn from the seed; with null the lab's own, those its texts and solution were written for. */
  values(seed: number | null): VariantValues;
  /**
   * The instructions with `{{variant.name}}` placeholders (labs/variant.ts: variantTexts); the
   * step's `instructions` are this text filled with the lab's own values, so a reader that knows
   * nothing of variants shows the step as written.
   */
  instructions: string;
  /** The starter for these values (the step's `starter` is the one for the lab's own). */
  starter(values: VariantValues): string;
  /** The reference solution for these values (`solution` is the one for the lab's own). */
  solution(values: VariantValues): string;
}

/** The variant a job step's run was made with: checks take the truth from here. */
export interface RunVariant {
  /** Null: the step as written (no student). */
  seed: number | null;
  values: VariantValues;
  /** The text of the lab's dataset `id` as this run had it (the variant's own for the datasets it draws). */
  text(id: string): string;
}

export type {
  JobRunSettings,
  ExtraRun,
  HdfsRunSettings,
  ServerRunSettings,
  PipelineRunSettings,
  ViewWordForms,
  PipelineWords,
  StreamRunSettings,
  StreamExtraRun,
} from './runSettingsTypes';
import type {
  ExtraRun,
  HdfsRunSettings,
  JobRunSettings,
  PipelineRunSettings,
  ServerRunSettings,
  StreamExtraRun,
  StreamRunSettings,
} from './runSettingsTypes';

/**
 * The cookbook's figures the app draws as its own pictures (renderer/features/figures), by their
 * number in the Data Engineering Cookbook: 19.1 HDFS's NameNode and DataNodes, 19.2 a 512 MB file's
 * blocks, 20.1-20.3 MapReduce, 20.4-20.6 Spark beside Hadoop, 13.1-13.3 a SQL platform scaled up and out,
 * 24.1 the platform blueprint, 15.2-15.3 the Hadoop ecosystem's tools connected and Flume between them,
 * 25.1-25.2 batch and stream processing pipelines, 28.1-28.3 Netflix's batch pipeline, Trending Now and
 * streaming pipeline.
 */
export type CookbookFigureId =
  | '13.1'
  | '13.2'
  | '13.3'
  | '15.2'
  | '15.3'
  | '19.1'
  | '19.2'
  | '20.1'
  | '20.2'
  | '20.3'
  | '20.4'
  | '20.5'
  | '20.6'
  | '24.1'
  | '25.1'
  | '25.2'
  | '28.1'
  | '28.2'
  | '28.3';
export const COOKBOOK_FIGURE_IDS: readonly CookbookFigureId[] = [
  '13.1',
  '13.2',
  '13.3',
  '15.2',
  '15.3',
  '19.1',
  '19.2',
  '20.1',
  '20.2',
  '20.3',
  '20.4',
  '20.5',
  '20.6',
  '24.1',
  '25.1',
  '25.2',
  '28.1',
  '28.2',
  '28.3',
];

interface StepBase {
  /** kebab-case, unique in the lab. */
  id: string;
  title: string;
  /** Markdown; cites the cookbook chapter ("Cookbook 20.1.2"). */
  instructions: string;
  /** What the editor starts with: code with TODOs, or JSON settings. */
  starter: string;
  /** The hidden reference solution: passes every check. */
  solution: string;
  /** 1-3 hints, each more explicit than the one before. */
  hints: string[];
  checks: LabCheck[];
  /**
   * The cookbook's figures shown beside this step's run, the one its text is about first (every
   * "Figure 19.2" its instructions cite is here: labs/labFigures.test.ts).
   */
  figures?: CookbookFigureId[];
  /** What practice mode needs beyond the shared rule for fresh data (labs/practiceSeed.ts). */
  practice?: StepPractice;
}

/** A step's practice-only parts: where its reference or its hints depend on the data an attempt's seed gives. */
export interface StepPractice {
  /** The reference solution for an attempt's seed (e.g. the node to kill is one that holds replicas on that seed). */
  solution?(seed: number): string;
  /** The hints practice shows instead of the step's, where those name the lesson's data (1-3, translated as `practiceHints`). */
  hints?: string[];
  /**
   * A server step's deadlines (minutes) a practice attempt draws from (labs/practiceSeed.ts): its
   * model has no chance in it, so a fresh attempt is a fresh deadline. Each must keep the step's
   * story (the starter misses or overspends, a reference exists: `solution(seed)` gives it).
   */
  deadlinesMinutes?: readonly number[];
  /**
   * A job step whose data an attempt draws afresh may keep its runs' simulation seed: where its
   * checks hang on where the blocks land in a way the step does not let the learner steer (data
   * locality at the lesson's spark.locality.wait, which the next step is about).
   */
  sameSimulation?: true;
}

export interface JobStep extends StepBase {
  kind: 'mapreduce' | 'spark';
  run: JobRunSettings;
  extraRuns?: ExtraRun[];
  /** Per-student data and parameters (labs/variant.ts). */
  variant?: StepVariant;
}

export interface HdfsStep extends StepBase {
  kind: 'hdfs';
  run: HdfsRunSettings;
}

export interface StreamStep extends StepBase {
  kind: 'stream';
  run: StreamRunSettings;
  extraRuns?: StreamExtraRun[];
}

export interface ServerStep extends StepBase {
  kind: 'server';
  run: ServerRunSettings;
}

export interface PipelineStep extends StepBase {
  kind: 'pipeline';
  run: PipelineRunSettings;
}

export type LabStep = JobStep | HdfsStep | StreamStep | ServerStep | PipelineStep;

export interface Lab {
  /** kebab-case, as in the catalogue. */
  id: string;
  title: string;
  /** Cookbook chapters, e.g. ['20.1.2']. */
  chapters: string[];
  /** Estimated minutes. */
  minutes: number;
  /** One sentence for the home page. */
  summary: string;
  /** Markdown: the story the lab tells, in our own words. */
  intro: string;
  /** The cookbook's figures the intro cites (shown with the first step, after the step's own). */
  figures?: CookbookFigureId[];
  /** The cluster preset the lab is about (steps may vary it). */
  cluster: PresetName;
  datasets: LabDataset[];
  steps: LabStep[];
  /** Set for a lab of a teacher's pack, not built into the app. */
  pack?: LabPackSource;
  /** The lab's texts in other locales (English, in the fields above, is the source): labLocale.ts. */
  translations?: LabTranslations;
}

export { LAB_LOCALES } from './labTranslationTypes';
export type {
  LabLocale,
  StepTranslation,
  LabTranslation,
  CatalogueTranslation,
  LabTranslations,
} from './labTranslationTypes';

/** What an hdfs step's run produced: snapshots along the way, the trace and its metrics. */
export interface HdfsRunReport {
  kind: 'hdfs';
  simulatedMs: number;
  /** 'written' after the put, 'appended' after an append, 'final' at the end. */
  snapshots: { label: string; snapshot: ClusterSnapshot }[];
  final: ClusterSnapshot;
  /** Snapshots in time order for playback (as a job report's `snapshots`; use engine/exec snapshotAt). */
  film: ClusterSnapshot[];
  trace: SimulationEvent[];
  metrics: SimulationMetrics;
  /** Every fault applied (the settings' and the UI's), in time order. */
  faults: FaultSpec[];
}

/** One night of a server step's run: its month of growth (null without growth), its data and its phases. */
export interface ServerNight {
  month: number | null;
  dataGB: number;
  /** Where the night lies on the run's clock, ms. */
  startMs: number;
  endMs: number;
  /** The night as engine/server computed it (its phases' times in seconds from the night's start). */
  run: PlatformRun;
  /** Finished within the step's deadline. */
  meets: boolean;
}

/** What a server step's run produced: its nights end to end on the clock. */
export interface ServerRunReport {
  kind: 'server';
  simulatedMs: number;
  deadlineMs: number;
  nights: ServerNight[];
  /** Index of the first night that missed the deadline, or null. */
  firstMiss: number | null;
}

/** What a pipeline step's run produced: the engine's result and every fault applied. */
export interface PipelineRunReport {
  kind: 'pipeline';
  simulatedMs: number;
  result: PipelineResult;
  /** The step's faults and the UI's, in time order. */
  faults: PipelineFault[];
}

/** What a check sees. */
export type StepRun =
  | {
      kind: 'mapreduce' | 'spark';
      step: JobStep;
      report: JobRunReport;
      /** Reports of the step's extra runs, by ExtraRun.id. */
      extra: Record<string, JobRunReport>;
      /** The faults added from outside (the UI's kill-node button, `--fail-node`). */
      injectedFaults: FaultSpec[];
      /** The variant the run was made with (the step as written when it has none). */
      variant: RunVariant;
    }
  | {
      kind: 'hdfs';
      step: HdfsStep;
      settings: HdfsSettings;
      report: HdfsRunReport;
      injectedFaults: FaultSpec[];
    }
  | {
      kind: 'stream';
      step: StreamStep;
      report: KafkaJobReport;
      /** Reports of the step's extra runs, by StreamExtraRun.id. */
      extra: Record<string, KafkaJobReport>;
      /** The faults added from outside (the UI's crash, kill-broker and cut-network buttons). */
      injectedFaults: KafkaFault[];
      /** The datasets as the run had them (a practice attempt draws those with `forSeed`: labs/practiceSeed.ts). */
      variant: RunVariant;
    }
  | {
      kind: 'server';
      step: ServerStep;
      settings: ServerSettings;
      report: ServerRunReport;
    }
  | {
      kind: 'pipeline';
      step: PipelineStep;
      report: PipelineRunReport;
      /** The faults added from outside (the UI's kill and stop buttons). */
      injectedFaults: PipelineFault[];
      /** The run's wall-clock budget check, which a check that runs the pipeline again passes on. */
      check?: () => void;
    };
