/**
 * CPU time used by the renderer processes of one Chromium (the page, its Web Workers and the
 * threads V8 compiles and collects garbage on), read from Linux's /proc: what a run costs the
 * machine, whatever else shares its cores (wall-clock figures stretch when other work runs on
 * them; this one much less). Null where /proc is not there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** A process's fields after its command name: [0] state, [1] parent, [11] utime, [12] stime. */
function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * Milliseconds of CPU used so far by the Chromium renderers started under `ancestorPid` (this
 * process, which launched the browser: other people's browsers on the machine do not count).
 */
export function rendererCpuMs(ancestorPid: number): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parents = new Map<string, string>();
  const renderers: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = statFields(pid);
    if (!fields) continue;
    parents.set(pid, fields[1]!);
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(pid);
    } catch {
      // Ended while we read: it no longer counts.
    }
  }
  const ours = (pid: string) => {
    for (let p: string | undefined = pid, hops = 0; p && p !== '0' && hops < 8; p = parents.get(p), hops++)
      if (p === String(ancestorPid)) return true;
    return false;
  };
  let ticks = 0;
  for (const pid of renderers.filter(ours)) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
