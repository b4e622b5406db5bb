/** labs/: lab content as data, the runner that judges a learner's step, and the catalogue. */
export type {
  Lab,
  LabStep,
  JobStep,
  HdfsStep,
  StepKind,
  LabCheck,
  CheckResult,
  CheckVerdict,
  LabDataset,
  JobRunSettings,
  HdfsRunSettings,
  ExtraRun,
  HdfsRunReport,
  StepRun,
} from './labTypes';
export { LABS, findLab } from './labRegistry';
export { LAB_CATALOGUE, type LabEntry } from './catalogue';
export {
  runStep,
  evaluateChecks,
  stepAt,
  StepNotFoundError,
  type RunStepOptions,
  type StepOutcome,
  type StepError,
} from './runStep';
export { validateLab, LabValidationError } from './validateLab';
export { parseHdfsSettings, parseSize, formatBytes, HdfsSettingsError, type HdfsSettings } from './hdfsSettings';
export {
  localizeLab,
  localizeCheckResults,
  isFullyTranslated,
  translationOf,
  type LocalizedLab,
  type UiLocale,
} from './labLocale';
export { localizedCatalogue, type LocalizedLabEntry } from './localizedCatalogue';
export { LAB_LOCALES, type LabLocale, type LabTranslation, type CatalogueTranslation } from './labTypes';
