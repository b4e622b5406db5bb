/** The checks of the hdfs-blocks lab: the block map, replica counts, rack awareness, recovery, append. */
import type { ClusterSnapshot } from '../../engine/api';
import { blockName, type HdfsBlockSnapshot } from '../../engine/hdfs';
import { fail, pass, seconds } from '../checkKit';
import { anzahl, komma } from '../germanFormat';
import { formatBytes, type HdfsSettings } from '../hdfsSettings';
import { noun, plural } from '../plural';
import { faultTimingOf, formatInterval } from '../faultTiming';
import type { HdfsRunReport, LabCheck, StepRun } from '../labTypes';

const MB = 1024 * 1024;
/** The NameNode's dead-DataNode interval in hdfs steps (10 min 30 s with Hadoop's defaults). */
const deadMs = faultTimingOf('hdfs').dataNodeDeadMs;

function hdfsRun(run: StepRun): { settings: HdfsSettings; report: HdfsRunReport } {
  if (run.kind !== 'hdfs') throw new Error('this check judges an hdfs step');
  return { settings: run.settings, report: run.report };
}

function snap(report: HdfsRunReport, label: string): ClusterSnapshot {
  return report.snapshots.find((s) => s.label === label)?.snapshot ?? report.final;
}

function fileBlocks(s: ClusterSnapshot, path: string): HdfsBlockSnapshot[] | null {
  const file = s.hdfs.files.find((f) => f.path === path);
  if (!file) return null;
  return file.blocks.map((id) => s.hdfs.blocks.find((b) => b.id === id)!).filter((b) => b !== undefined);
}

const sizes = (blocks: HdfsBlockSnapshot[]) => blocks.map((b) => formatBytes(b.bytes)).join(' + ');

/** A block as the map, the block table and the event log name it: "blk_1073741825 (block #0 of /data/big.bin)". */
const named = (b: HdfsBlockSnapshot) => `${blockName(b.id)} (block #${b.index} of ${b.path})`;
const namedDe = (b: HdfsBlockSnapshot) => `${blockName(b.id)} (Block #${b.index} von ${b.path})`;
const sizesDe = (blocks: HdfsBlockSnapshot[]) => komma(sizes(blocks));
const blocksDe = (n: number) => anzahl(n, 'Block', 'Blöcke');
const replicasDe = (n: number) => anzahl(n, 'Replikat', 'Replikate');

/** The file at `path` has exactly these block sizes (MB), in order. */
/** `hint` ends a failure's reason (with `de`, in German too). */
export function blockMapCheck(
  id: string,
  path: string,
  expectedMb: number[],
  hint: string | { en: string; de: string },
  at = 'written',
): LabCheck {
  const hints = typeof hint === 'string' ? { en: hint, de: hint } : hint;
  const want = expectedMb.map((m) => m * MB);
  return {
    id,
    title: `${path} is stored as ${plural(expectedMb.length, 'block')} (${expectedMb.map((m) => `${m} MB`).join(' + ')})`,
    evaluate(run) {
      const { report } = hdfsRun(run);
      const blocks = fileBlocks(snap(report, at), path);
      if (!blocks)
        return fail(`no file ${path} in HDFS: set "file": { "path": "${path}", ... }`, {
          de: `keine Datei ${path} in HDFS: setze "file": { "path": "${path}", ... }`,
        });
      const got = blocks.map((b) => b.bytes);
      if (got.length === want.length && got.every((b, i) => b === want[i]))
        return pass(
          `${plural(blocks.length, 'block')}: ${sizes(blocks)} (${blocks.map((b) => blockName(b.id)).join(', ')})`,
          { de: `${blocksDe(blocks.length)}: ${sizesDe(blocks)} (${blocks.map((b) => blockName(b.id)).join(', ')})` },
        );
      return fail(
        `expected ${plural(want.length, 'block')} (${expectedMb.map((m) => `${m} MB`).join(' + ')}), got ${blocks.length} (${sizes(blocks) || 'none'}): ${hints.en}`,
        {
          de: `erwartet: ${blocksDe(want.length)} (${expectedMb.map((m) => `${m} MB`).join(' + ')}), erhalten: ${blocks.length} (${sizesDe(blocks) || 'keine'}): ${hints.de}`,
        },
      );
    },
  };
}

/** Every block of the file has `n` replicas on `n` different nodes. */
export function replicaCountCheck(id: string, path: string, n: number, at = 'written'): LabCheck {
  return {
    id,
    title: `every block has ${plural(n, 'replica')}`,
    evaluate(run) {
      const { report } = hdfsRun(run);
      const blocks = fileBlocks(snap(report, at), path) ?? [];
      if (blocks.length === 0) return fail(`${path} has no blocks`, { de: `${path} hat keine Blöcke` });
      const bad = blocks.find((b) => new Set(b.replicas).size !== n);
      if (bad)
        return fail(
          `${named(bad)} has ${plural(new Set(bad.replicas).size, 'replica')}, expected ${n}: set "replication": ${n}`,
          {
            de: `${namedDe(bad)} hat ${replicasDe(new Set(bad.replicas).size)}, erwartet: ${n}: setze "replication": ${n}`,
          },
        );
      return pass(
        `${blocks.length === 1 ? 'the block has' : blocks.length === 2 ? 'both blocks have' : `all ${blocks.length} blocks have`} ${plural(n, 'replica')} on ${plural(n, 'different node')}`,
        {
          de: `${blocks.length === 1 ? 'der Block hat' : blocks.length === 2 ? 'beide Blöcke haben' : `alle ${blocks.length} Blöcke haben`} ${replicasDe(n)} auf ${anzahl(n, 'Node', 'verschiedenen Nodes')}`,
        },
      );
    },
  };
}

/** Replicas of every block span two racks (a rack can fail as a whole), at most two per rack. */
export function rackAwareCheck(id: string, path: string, at = 'written'): LabCheck {
  return {
    id,
    title: at === 'final' ? 'replicas still span both racks after recovery' : 'replicas are placed rack-aware',
    evaluate(run) {
      const { report } = hdfsRun(run);
      const s = snap(report, at);
      const rackOf = new Map(s.nodes.map((n) => [n.id, n.rack]));
      const blocks = fileBlocks(s, path) ?? [];
      for (const b of blocks) {
        if (b.replicas.length < 2) continue;
        const racks = b.replicas.map((r) => rackOf.get(r)!);
        const distinct = new Set(racks).size;
        const perRack = new Map<string, number>();
        for (const r of racks) perRack.set(r, (perRack.get(r) ?? 0) + 1);
        let most = 0;
        for (const n of perRack.values()) most = Math.max(most, n);
        if (distinct < 2)
          return fail(
            `${named(b)} has all ${plural(b.replicas.length, 'replica')} on rack ${racks[0]} (${b.replicas.join(', ')}): losing that rack would lose the block`,
            {
              de: `${namedDe(b)} hat alle ${replicasDe(b.replicas.length)} in Rack ${racks[0]} (${b.replicas.join(', ')}): Fällt dieses Rack aus, ist der Block verloren`,
            },
          );
        if (b.replicas.length <= 3 && most > 2)
          return fail(`${named(b)} has ${plural(most, 'replica')} on one rack (${b.replicas.join(', ')})`, {
            de: `${namedDe(b)} hat ${replicasDe(most)} in einem Rack (${b.replicas.join(', ')})`,
          });
      }
      const where = blocks.map((b) => `${blockName(b.id)} on ${b.replicas.join('/')}`).join(', ');
      const whereDe = blocks.map((b) => `${blockName(b.id)} auf ${b.replicas.join('/')}`).join(', ');
      // "After recovery" says nothing where nothing was recovered: no copy made, the placement is the write's.
      if (at === 'final' && !report.trace.some((e) => e.type === 'blockReplicated'))
        return fail(
          `nothing was recovered: no replica was copied, so the replicas still lie where they were written: ${where}`,
          {
            de: `nichts wurde repariert: kein Replikat wurde kopiert, die Replikate liegen noch, wo sie geschrieben wurden: ${whereDe}`,
          },
        );
      return pass(`every block's replicas span ${s.racks.length > 1 ? 'both racks' : 'the rack'}: ${where}`, {
        de: `die Replikate jedes Blocks liegen in ${s.racks.length > 1 ? 'beiden Racks' : 'dem Rack'}: ${whereDe}`,
      });
    },
  };
}

/** A killNode fault took down a DataNode that held replicas, and the NameNode declared it dead. */
export function deadNodeCheck(id: string): LabCheck {
  return {
    id,
    title: 'a DataNode holding replicas died and was declared dead',
    evaluate(run) {
      const { report } = hdfsRun(run);
      const written = snap(report, 'written');
      const kills = report.faults.flatMap((f) => (f.kind === 'killNode' ? [f.node] : []));
      if (kills.length === 0) {
        // The example names a node that holds replicas in this very run (n2 held none in the starter's).
        const node = written.nodes.find((n) => n.blocks > 0)?.id ?? 'n1';
        const fault = `{ "atMs": 60000, "kind": "killNode", "node": "${node}" }`;
        return fail(`no DataNode was killed: add a fault like ${fault} to "faults" (${node} holds replicas)`, {
          de: `kein DataNode wurde abgeschaltet: füge einen Ausfall wie ${fault} zu "faults" hinzu (${node} hält Replikate)`,
        });
      }
      const holding = kills.filter((n) => (written.nodes.find((x) => x.id === n)?.blocks ?? 0) > 0);
      if (holding.length === 0) {
        const withBlocks = written.nodes.filter((n) => n.blocks > 0).map((n) => n.id);
        return fail(
          `the killed ${noun(kills.length, 'node')} ${kills.join(', ')} held no replica, so nothing needs repair: kill one of ${withBlocks.join(', ')}`,
          {
            de: `${kills.length === 1 ? 'der abgeschaltete Node' : 'die abgeschalteten Nodes'} ${kills.join(', ')} ${kills.length === 1 ? 'hielt' : 'hielten'} kein Replikat, also muss nichts repariert werden: schalte einen von ${withBlocks.join(', ')} ab`,
          },
        );
      }
      const declared = report.trace.flatMap((e) => (e.type === 'dataNodeDeclaredDead' ? [e.node] : []));
      const seen = holding.filter((n) => declared.includes(n));
      if (seen.length === 0)
        return fail(
          `${holding.join(', ')} died, but the run stopped at ${seconds(report.simulatedMs)}, before the NameNode gave up on it (${formatInterval(deadMs)} without a heartbeat): remove "runForMs" or make it longer`,
          {
            de: `${holding.join(', ')} ist ausgefallen, aber der Lauf endete bei ${komma(seconds(report.simulatedMs))}, bevor der NameNode den Node aufgab (${formatInterval(deadMs)} ohne Heartbeat): entferne "runForMs" oder verlängere es`,
          },
        );
      const many = seen.length > 1;
      return pass(
        `${seen.join(', ')} died and ${many ? 'were' : 'was'} declared dead after ${formatInterval(deadMs)} of silence`,
        {
          de: `${seen.join(', ')} ${many ? 'sind ausgefallen und wurden' : 'ist ausgefallen und wurde'} nach ${formatInterval(deadMs)} Stille für tot erklärt`,
        },
      );
    },
  };
}

/** After recovery every block has its target number of replicas, all on live nodes. */
export function replicasRestoredCheck(id: string, path: string): LabCheck {
  return {
    id,
    title: 'replica counts are restored',
    evaluate(run) {
      const { report } = hdfsRun(run);
      const s = report.final;
      // Nothing lost, nothing restored: without this the starter (no fault) passed with "0 replicas re-replicated".
      if (lostNoReplica(report))
        return fail(
          'no replica was lost (no DataNode holding one died), so nothing was restored yet: kill a node that holds blocks',
          {
            de: 'kein Replikat ging verloren (kein DataNode mit Replikaten ist ausgefallen), also wurde noch nichts wiederhergestellt: schalte einen Node ab, der Blöcke hält',
          },
        );
      const alive = new Set(s.nodes.filter((n) => n.alive).map((n) => n.id));
      const blocks = fileBlocks(s, path) ?? [];
      const bad = blocks.find((b) => b.replicas.filter((r) => alive.has(r)).length < b.target);
      if (bad) {
        const live = bad.replicas.filter((r) => alive.has(r)).length;
        return fail(
          `at ${seconds(s.t)} ${named(bad)} has ${live} live ${noun(bad.target, 'replica')} of ${bad.target}: re-replication starts only once the NameNode declares the node dead (${formatInterval(deadMs)}); let the run go on longer`,
          {
            de: `bei ${komma(seconds(s.t))} hat ${namedDe(bad)} ${live} von ${bad.target} ${bad.target === 1 ? 'Replikat' : 'Replikaten'} auf lebenden Nodes: Die Re-Replikation beginnt erst, wenn der NameNode den Node für tot erklärt (${formatInterval(deadMs)}); lass den Lauf länger laufen`,
          },
        );
      }
      const m = report.metrics;
      const one = blocks.length === 1;
      return pass(
        `${one ? 'the block is' : `all ${plural(blocks.length, 'block')} are`} back to ${plural(blocks[0]?.target ?? 0, 'live replica')}: ${plural(m.blocksReplicated, 'replica')} re-replicated (${formatBytes(m.bytesReplicated)}) in ${seconds(m.recoveryMs)}`,
        {
          de: `${one ? 'der Block hat' : `alle ${blocksDe(blocks.length)} haben`} wieder ${anzahl(blocks[0]?.target ?? 0, 'lebendes Replikat', 'lebende Replikate')}: ${replicasDe(m.blocksReplicated)} re-repliziert (${komma(formatBytes(m.bytesReplicated))}) in ${komma(seconds(m.recoveryMs))}`,
        },
      );
    },
  };
}

export function noBlockLostCheck(id: string): LabCheck {
  return {
    id,
    title: 'no block is lost',
    evaluate(run) {
      const { report } = hdfsRun(run);
      const missing = Math.max(report.final.hdfs.missing, report.metrics.blocksMissing);
      if (missing > 0)
        return fail(
          `${plural(missing, 'block')} lost every replica: with replication ${report.final.hdfs.files[0]?.replication ?? '?'} a block survives only while one copy lives; kill fewer nodes or replicate more`,
          {
            de: `${blocksDe(missing)} ${missing === 1 ? 'hat' : 'haben'} jedes Replikat verloren: Mit Replikation ${report.final.hdfs.files[0]?.replication ?? '?'} überlebt ein Block nur, solange eine Kopie lebt; schalte weniger Nodes ab oder repliziere mehr`,
          },
        );
      return pass('every block kept at least one live replica throughout', {
        de: 'jeder Block hatte die ganze Zeit mindestens ein lebendes Replikat',
      });
    },
  };
}

/** The append filled the last block up to the block size before starting a new one. */
export function appendCheck(id: string, path: string): LabCheck {
  return {
    id,
    title: 'the append filled the last block before adding one',
    evaluate(run) {
      const { report } = hdfsRun(run);
      const before = fileBlocks(snap(report, 'written'), path) ?? [];
      const appended = report.snapshots.find((x) => x.label === 'appended');
      if (!appended)
        return fail('nothing was appended: add "append": { "size": "100m" }', {
          de: 'es wurde nichts angehängt: füge "append": { "size": "100m" } hinzu',
        });
      const after = fileBlocks(appended.snapshot, path) ?? [];
      const last = before[before.length - 1];
      const grown = after.find((b) => b.id === last?.id);
      if (!last || !grown)
        return fail(`${path} had no block to append to`, {
          de: `${path} hatte keinen Block, an den angehängt werden konnte`,
        });
      if (grown.bytes === last.bytes)
        return fail(
          `the last block stayed at ${formatBytes(last.bytes)}: it had room, so the append should have filled it first`,
          {
            de: `der letzte Block blieb bei ${komma(formatBytes(last.bytes))}: Er hatte noch Platz, also hätte das Append ihn zuerst füllen sollen`,
          },
        );
      return pass(
        `${named(grown)} grew from ${formatBytes(last.bytes)} to ${formatBytes(grown.bytes)}, then ${plural(after.length - before.length, 'new block')} followed: ${sizes(after)}`,
        {
          de: `${namedDe(grown)} wuchs von ${komma(formatBytes(last.bytes))} auf ${komma(formatBytes(grown.bytes))}, danach ${after.length - before.length === 1 ? 'folgte' : 'folgten'} ${anzahl(after.length - before.length, 'neuer Block', 'neue Blöcke')}: ${sizesDe(after)}`,
        },
      );
    },
  };
}

/** True when no killNode fault took down a DataNode that held replicas when the file was written. */
function lostNoReplica(report: ReturnType<typeof hdfsRun>['report']): boolean {
  const written = snap(report, 'written');
  const kills = report.faults.flatMap((f) => (f.kind === 'killNode' ? [f.node] : []));
  return !kills.some((n) => (written.nodes.find((x) => x.id === n)?.blocks ?? 0) > 0);
}
