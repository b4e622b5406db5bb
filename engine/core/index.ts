/** engine/core: the deterministic kernel every other engine layer builds on. */
export { Kernel, SimulatedTimeRangeError, onClock, type ScheduledHandle, type RunOptions } from './kernel';
export { EventQueue } from './eventQueue';
export { grownArray, type GrowableArray } from './grownArray';
export { sortSmall } from './sortSmall';
export { createRng, hashString, type Rng } from './rng';
export { Trace, CountingSink, nullSink, isTracing, eventTypes, type TraceEvent, type TraceSink } from './trace';
export { ValidationError, check, describeValue } from './validationError';
export { clipText } from './clipText';
export { encodeUtf8, decodeUtf8 } from './utf8';
export { LIMITS, formatCount } from './limits';
export { dateAt } from './dateAt';
