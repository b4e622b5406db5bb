/**
 * Progress from two tabs (or a tab and what another tab saved), merged so nothing is wiped:
 * each step carries `updatedAt`, stamped by the store whenever the step changes, and the newest
 * edit of each step wins; a step passed in either copy stays passed. The sandbox code and the
 * settings carry their own stamps (the sandbox's example, cluster and block size go with its code). Where a learner is (lastLab, each lab's open step) belongs to
 * the tab and is kept from `local`.
 *
 * The open step's editor follows the merged code (see useFollowSaved): a tab with an unsaved edit
 * of that step made after the other tab's has the newer stamp, so its edit is kept and later
 * saved; otherwise the other tab's newer code replaces the editor's text.
 */
import type { LabProgress, Progress, StepProgress } from './progress';

/** `next` with a fresh stamp on every step, the sandbox code and the settings that differ from `previous`. */
export function stampChanges(previous: Progress, next: Progress, now: number): Progress {
  if (previous === next) return next;
  const later = (before: number | undefined) => Math.max(now, (before ?? 0) + 1);
  let labs = next.labs;
  for (const [labId, lab] of Object.entries(next.labs)) {
    const before = previous.labs[labId];
    if (before?.steps === lab.steps) continue;
    let steps = lab.steps;
    for (const [stepId, step] of Object.entries(lab.steps)) {
      const old = before?.steps[stepId];
      if (old === step) continue;
      steps = { ...steps, [stepId]: { ...step, updatedAt: later(old?.updatedAt) } };
    }
    if (steps !== lab.steps) labs = { ...labs, [labId]: { ...lab, steps } };
  }
  const stamped: Progress = labs === next.labs ? next : { ...next, labs };
  const sandbox =
    next.sandboxCode !== previous.sandboxCode ||
    next.streamCode !== previous.streamCode ||
    next.sandboxSetting !== previous.sandboxSetting;
  const settings =
    next.theme !== previous.theme ||
    next.language !== previous.language ||
    next.timeLimitSeconds !== previous.timeLimitSeconds ||
    next.studentName !== previous.studentName;
  if (!sandbox && !settings) return stamped;
  return {
    ...stamped,
    ...(sandbox ? { sandboxUpdatedAt: later(previous.sandboxUpdatedAt) } : {}),
    ...(settings ? { settingsUpdatedAt: later(previous.settingsUpdatedAt) } : {}),
  };
}

const newer = (remote: number | undefined, local: number | undefined) => (remote ?? 0) > (local ?? 0);

function mergeStep(local: StepProgress | undefined, remote: StepProgress): StepProgress {
  if (!local) return remote;
  if (!newer(remote.updatedAt, local.updatedAt)) {
    return remote.passed && !local.passed ? { ...local, passed: true } : local;
  }
  return local.passed && !remote.passed ? { ...remote, passed: true } : remote;
}

function mergeLab(local: LabProgress | undefined, remote: LabProgress): LabProgress {
  if (!local) return remote;
  let steps = local.steps;
  for (const [stepId, step] of Object.entries(remote.steps)) {
    const merged = mergeStep(local.steps[stepId], step);
    if (merged !== local.steps[stepId]) steps = { ...steps, [stepId]: merged };
  }
  return steps === local.steps ? local : { ...local, steps };
}

/** `local` with what is newer in `remote`; `local` itself (same object) when nothing in `remote` is newer. */
export function mergeProgress(local: Progress, remote: Progress): Progress {
  let labs = local.labs;
  for (const [labId, lab] of Object.entries(remote.labs)) {
    const merged = mergeLab(local.labs[labId], lab);
    if (merged !== local.labs[labId]) labs = { ...labs, [labId]: merged };
  }
  let result: Progress = labs === local.labs ? local : { ...local, labs };
  if (newer(remote.sandboxUpdatedAt, local.sandboxUpdatedAt)) {
    const { sandboxCode: _drop, streamCode: _stream, sandboxSetting: _setting, ...rest } = result;
    result = {
      ...rest,
      ...(remote.sandboxCode !== undefined ? { sandboxCode: remote.sandboxCode } : {}),
      ...(remote.streamCode !== undefined ? { streamCode: remote.streamCode } : {}),
      ...(remote.sandboxSetting !== undefined ? { sandboxSetting: remote.sandboxSetting } : {}),
      sandboxUpdatedAt: remote.sandboxUpdatedAt!,
    };
  }
  if (newer(remote.settingsUpdatedAt, local.settingsUpdatedAt)) {
    const { theme: _t, language: _g, timeLimitSeconds: _l, studentName: _n, ...rest } = result;
    result = {
      ...rest,
      ...(remote.theme ? { theme: remote.theme } : {}),
      ...(remote.language ? { language: remote.language } : {}),
      ...(remote.timeLimitSeconds !== undefined ? { timeLimitSeconds: remote.timeLimitSeconds } : {}),
      ...(remote.studentName !== undefined ? { studentName: remote.studentName } : {}),
      settingsUpdatedAt: remote.settingsUpdatedAt!,
    };
  }
  if (result.lastLab === undefined && remote.lastLab !== undefined) result = { ...result, lastLab: remote.lastLab };
  return result;
}
