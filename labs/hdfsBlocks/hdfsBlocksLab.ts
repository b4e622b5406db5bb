/**
 * The hdfs-blocks lab (Cookbook 19.2.2 with Figures 19.1 and 19.2, and 15.1): a 512 MB file
 * cut into 128 MB blocks with three rack-aware replicas, other block sizes and replication
 * factors, a DataNode killed and its replicas rebuilt, and an append.
 */
import { blockName, FIRST_BLOCK_ID } from '../../engine/hdfs';
import { faultTimingOf, formatInterval } from '../faultTiming';
import type { Lab } from '../labTypes';
import {
  appendCheck,
  blockMapCheck,
  deadNodeCheck,
  noBlockLostCheck,
  rackAwareCheck,
  replicaCountCheck,
  replicasRestoredCheck,
} from './hdfsBlocksChecks';

const BIG = '/data/big.bin';
const LOG = '/logs/clicks.log';
const run = { seed: 19, cluster: 'two-racks' as const };

/** When HDFS notices a dead DataNode in this lab's runs (10 min 30 s with Hadoop's defaults). */
const timing = faultTimingOf('hdfs');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const bigFile = { path: BIG, size: '512m' };

export const hdfsBlocksLab: Lab = {
  id: 'hdfs-blocks',
  title: 'HDFS blocks and replicas',
  chapters: ['19.2.2', '15.1'],
  minutes: 20,
  summary: 'Put a 512 MB file into HDFS, see its blocks placed rack-aware, kill a DataNode and watch re-replication.',
  intro: `Hadoop stores and processes data on many ordinary machines at once; its file system, HDFS, is the
storage half of that bargain (Cookbook 15.1). Unlike a disk's file system, HDFS does not live on one drive:
one master, the NameNode, keeps the directory tree and knows where every piece of every file is, while the
DataNodes on the worker machines hold the pieces (Cookbook 19.2.2, Figure 19.1).

The pieces are *blocks* of a fixed size, and each block is copied to several DataNodes. In this lab you
describe a file in a few lines of JSON and watch where its blocks land on a cluster of ten machines in two
racks (\`two-racks\`): how many blocks, how many copies, which racks. Then you break a machine and watch
HDFS notice and repair the damage by itself, and finally you grow a file by appending to it.`,
  cluster: 'two-racks',
  datasets: [],
  steps: [
    {
      id: 'put-512mb',
      title: 'A 512 MB file in 128 MB blocks',
      kind: 'hdfs',
      instructions: `**Cookbook 19.2.2, Figure 19.2.** HDFS cuts a file into blocks and spreads the blocks, and copies of
them, over the DataNodes. The figure shows a 512 MB file as four blocks of 128 MB, the block size of
Hadoop 2 and later.

The starter settings use 64 MB blocks. Store \`${BIG}\` (512 MB) as four 128 MB blocks with three
replicas each, then look at the cluster map: each block has one copy on one rack and two on the other,
never two on the same machine. That is rack awareness: a whole rack (its switch, its power) can fail and
every block still has a copy.

The NameNode names every block by a number, as Hadoop does: the first block of a new file system is
\`${blockName(FIRST_BLOCK_ID)}\`, the next \`${blockName(FIRST_BLOCK_ID + 1)}\`, and so on. The block
table, the chips on the cluster map and the event log all use these names.`,
      starter: json({ file: bigFile, blockSize: '64m', replication: 3 }),
      solution: json({ file: bigFile, blockSize: '128m', replication: 3 }),
      hints: [
        'The number of blocks is the file size divided by the block size, rounded up.',
        'Set "blockSize": "128m".',
      ],
      run,
      checks: [
        blockMapCheck(
          'four-blocks',
          BIG,
          [128, 128, 128, 128],
          'set "blockSize" to "128m" so 512 MB is cut into 4 blocks',
        ),
        replicaCountCheck('three-replicas', BIG, 3),
        rackAwareCheck('rack-aware', BIG),
      ],
    },
    {
      id: 'block-size-replication',
      title: 'Other block sizes, fewer replicas',
      kind: 'hdfs',
      instructions: `**Cookbook 19.2.2.** Both the block size and the number of copies are settings (the cookbook mentions
128 MB or 1 GB blocks, and two or three copies). Bigger blocks mean fewer of them for the NameNode to
track, but fewer pieces to process in parallel later (one map task per block, Cookbook 20.1); fewer
replicas save disk but survive fewer failures.

Store the same 512 MB file as **two blocks with two replicas each**. Compare the cluster map with step 1:
the file now takes 1 GB of disk instead of 1.5 GB, and each block still spans both racks.`,
      starter: json({ file: bigFile, blockSize: '128m', replication: 3 }),
      solution: json({ file: bigFile, blockSize: '256m', replication: 2 }),
      hints: [
        'Two blocks for 512 MB means each block holds half the file.',
        'Set "blockSize": "256m" and "replication": 2.',
      ],
      run,
      checks: [
        blockMapCheck('two-blocks', BIG, [256, 256], 'set "blockSize" so that the 512 MB file becomes 2 blocks'),
        replicaCountCheck('two-replicas', BIG, 2),
        rackAwareCheck('rack-aware', BIG),
      ],
    },
    {
      id: 'kill-datanode',
      title: 'Kill a DataNode, watch re-replication',
      kind: 'hdfs',
      instructions: `**Cookbook 19.2.2, Figure 19.1.** Replication is what makes a server failure harmless: when a machine
goes down, its data is still on other machines. HDFS also restores the lost copies on its own.

Add a fault that kills a DataNode holding replicas one minute into the run (\`"faults"\`: \`atMs\`,
\`"kind": "killNode"\`, \`"node"\`; step 1's cluster map shows which nodes hold blocks). DataNodes send a
heartbeat every ${formatInterval(timing.dataNodeHeartbeatMs)}; the NameNode declares a silent one dead only after ${formatInterval(timing.dataNodeDeadMs)}, then copies each
under-replicated block from a surviving replica to a new node, rack-aware again. The starter stops
after two minutes: too early to see any of it. Remove \`runForMs\` (the run then goes on until the
repair is over) or give it enough time. You can also kill a node during a run with the **Kill node** button above the cluster map.`,
      starter: json({ file: bigFile, blockSize: '128m', replication: 3, faults: [], runForMs: 120000 }),
      solution: json({
        file: bigFile,
        blockSize: '128m',
        replication: 3,
        faults: [{ atMs: 60000, kind: 'killNode', node: 'n5' }],
      }),
      hints: [
        'Pick a node that holds blocks: in step 1 n5 held three of them.',
        'Add { "atMs": 60000, "kind": "killNode", "node": "n5" } to "faults".',
        'Delete the "runForMs" line: the run then lasts until the NameNode has declared the node dead and re-replication is done.',
      ],
      run,
      checks: [
        deadNodeCheck('node-declared-dead'),
        replicasRestoredCheck('replicas-restored', BIG),
        noBlockLostCheck('no-block-lost'),
        rackAwareCheck('still-rack-aware', BIG, 'final'),
      ],
    },
    {
      id: 'append',
      title: 'Append to a file',
      kind: 'hdfs',
      instructions: `**Cookbook 19.2.2.** HDFS files can grow: you append to them, which is how a log file reaches terabytes.
An append first fills the file's last block up to the block size, then starts new blocks.

\`${LOG}\` holds 200 MB: one full 128 MB block and a 72 MB one. Append 100 MB to it
(\`"append": { "size": "100m" }\`) and predict the block map before you run: 128 + 128 + 44 MB.`,
      starter: json({ file: { path: LOG, size: '200m' }, blockSize: '128m', replication: 3 }),
      solution: json({
        file: { path: LOG, size: '200m' },
        blockSize: '128m',
        replication: 3,
        append: { size: '100m' },
      }),
      hints: ['Add an "append" field next to "file".', 'Write "append": { "size": "100m" }.'],
      run,
      checks: [
        blockMapCheck(
          'blocks-after-append',
          LOG,
          [128, 128, 44],
          'append 100 MB to the 200 MB file (200 + 100 = 128 + 128 + 44)',
          'final',
        ),
        appendCheck('last-block-filled', LOG),
        replicaCountCheck('three-replicas', LOG, 3, 'final'),
      ],
    },
  ],
};
