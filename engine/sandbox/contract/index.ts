/**
 * engine/sandbox/contract: what the engine and a sandbox agree on, below MapReduce and Spark (which
 * run through it): the TaskRunner interface and its task inputs and outputs, the errors that name
 * the learner's file and line, and the conversion of learner values to plain, bounded data.
 */
export * from './taskRunner';
export {
  JobCodeError,
  JobResultError,
  RunawayLoopError,
  RunAbortedError,
  JobTimeoutError,
  RunStoppedError,
  JobSpecError,
  MAX_ERROR_TEXT,
  boundText,
  errorToData,
  errorFromData,
  findLine,
  type JobErrorData,
} from './jobCodeError';
export {
  DATA_LIMITS,
  toPlainData,
  type PlainDataLimits,
  type PlainDataResult,
  type DescribeSpecial,
} from './plainData';
export {
  SqlEngineError,
  type SqlColumn,
  type SqlEngine,
  type SqlPlan,
  type SqlPlanNode,
  type SqlTable,
  type SqlType,
} from './sqlEngine';
export { SUBMIT_CONF_LIMITS, readSubmitConf, submitConfProblem, type SubmitConf } from './submitConf';
