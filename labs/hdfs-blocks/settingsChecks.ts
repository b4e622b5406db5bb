/**
 * What a step's text fixes in the learner's settings (the file's size, block size, replication,
 * the append, one DataNode killed at a given time), checked field by field: a run of other
 * settings can pass the block-map and recovery checks by accident (a 100 MB file with 200 MB
 * appended is 128 + 128 + 44 MB too), so each failure names the field and the value to write.
 */
import { fail, pass, seconds } from '../checkKit';
import { komma } from '../germanFormat';
import { formatBytes } from '../hdfsSettings';
import type { LabCheck } from '../labTypes';

export interface PinnedSettings {
  /** Bytes of "file"."size". */
  fileSize?: number;
  /** Bytes of "blockSize". */
  blockSize?: number;
  replication?: number;
  /** Bytes of "append"."size". */
  appendSize?: number;
  /** Exactly one killNode fault, at this "atMs" (a node killed with the UI's button counts too). */
  oneKillAtMs?: number;
}

/** "200m" for 200 MB: how the settings write a size. */
const written = (bytes: number) => formatBytes(bytes).replace(/ (.)B$/, (_, u: string) => u.toLowerCase());

export function pinnedSettingsCheck(id: string, title: string, pins: PinnedSettings): LabCheck {
  return {
    id,
    title,
    evaluate(run) {
      if (run.kind !== 'hdfs') throw new Error('this check judges an hdfs step');
      const s = run.settings;
      const wrong = (field: string, got: string, want: string, write: string) =>
        fail(`"${field}" is ${got}, but the step fixes ${want}: write ${write}`, {
          de: `"${field}" ist ${komma(got)}, aber der Schritt legt ${komma(want)} fest: schreibe ${write}`,
        });
      if (pins.fileSize !== undefined && s.file.size !== pins.fileSize)
        return wrong(
          'file.size',
          formatBytes(s.file.size),
          formatBytes(pins.fileSize),
          `"size": "${written(pins.fileSize)}"`,
        );
      if (pins.blockSize !== undefined && s.blockSize !== pins.blockSize)
        return wrong(
          'blockSize',
          formatBytes(s.blockSize),
          formatBytes(pins.blockSize),
          `"blockSize": "${written(pins.blockSize)}"`,
        );
      if (pins.replication !== undefined && s.replication !== pins.replication)
        return wrong(
          'replication',
          String(s.replication),
          String(pins.replication),
          `"replication": ${pins.replication}`,
        );
      if (pins.appendSize !== undefined && s.append?.size !== pins.appendSize)
        return wrong(
          'append.size',
          s.append ? formatBytes(s.append.size) : 'missing',
          formatBytes(pins.appendSize),
          `"append": { "size": "${written(pins.appendSize)}" }`,
        );
      if (pins.oneKillAtMs !== undefined) {
        const at = pins.oneKillAtMs;
        const own = s.faults.filter((f) => f.kind === 'killNode');
        const kills = own.length + run.injectedFaults.filter((f) => f.kind === 'killNode').length;
        if (kills !== 1)
          return fail(
            `"faults" kill ${kills} DataNodes, but the step kills exactly one: keep a single { "atMs": ${at}, "kind": "killNode", "node": ... }`,
            {
              de: `"faults" schalten ${kills} DataNodes ab, aber der Schritt schaltet genau einen ab: behalte einen einzigen { "atMs": ${at}, "kind": "killNode", "node": ... }`,
            },
          );
        const early = own.find((f) => f.atMs !== at);
        if (early) return wrong('faults[].atMs', seconds(early.atMs), seconds(at), `"atMs": ${at}`);
      }
      const parts = [
        pins.fileSize !== undefined ? `file ${formatBytes(s.file.size)}` : '',
        pins.blockSize !== undefined ? `blocks of ${formatBytes(s.blockSize)}` : '',
        pins.replication !== undefined ? `replication ${s.replication}` : '',
        pins.appendSize !== undefined && s.append ? `${formatBytes(s.append.size)} appended` : '',
        pins.oneKillAtMs !== undefined ? `one DataNode killed at ${seconds(pins.oneKillAtMs)}` : '',
      ].filter(Boolean);
      const partsDe = [
        pins.fileSize !== undefined ? `Datei ${formatBytes(s.file.size)}` : '',
        pins.blockSize !== undefined ? `Blöcke von ${formatBytes(s.blockSize)}` : '',
        pins.replication !== undefined ? `Replikation ${s.replication}` : '',
        pins.appendSize !== undefined && s.append ? `${formatBytes(s.append.size)} angehängt` : '',
        pins.oneKillAtMs !== undefined ? `ein DataNode bei ${seconds(pins.oneKillAtMs)} abgeschaltet` : '',
      ].filter(Boolean);
      return pass(`as the step fixes: ${parts.join(', ')}`, {
        de: komma(`wie der Schritt es festlegt: ${partsDe.join(', ')}`),
      });
    },
  };
}
