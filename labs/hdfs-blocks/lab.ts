/**
 * The hdfs-blocks lab (Cookbook 19.2.2 with Figures 19.1 and 19.2, and 15.1): a 512 MB file
 * cut into 128 MB blocks with three rack-aware replicas, other block sizes and replication
 * factors, a DataNode killed and its replicas rebuilt, and an append. Texts and settings are the
 * files beside this one (steps/<n>-<id>/: instructions.md, starter.json, solution.json).
 */
import type { Lab } from '../labTypes';
import { pinnedSettingsCheck } from './settingsChecks';
import {
  appendCheck,
  blockMapCheck,
  deadNodeCheck,
  noBlockLostCheck,
  rackAwareCheck,
  replicaCountCheck,
  replicasRestoredCheck,
} from './checks';
import { de } from './de';
import { killSolutionFor } from './killPractice';
import intro from './intro.md?raw';
import putInstructions from './steps/1-put-512mb/instructions.md?raw';
import putStarter from './steps/1-put-512mb/starter.json?raw';
import putSolution from './steps/1-put-512mb/solution.json?raw';
import sizesInstructions from './steps/2-block-size-replication/instructions.md?raw';
import sizesStarter from './steps/2-block-size-replication/starter.json?raw';
import sizesSolution from './steps/2-block-size-replication/solution.json?raw';
import killInstructions from './steps/3-kill-datanode/instructions.md?raw';
import killStarter from './steps/3-kill-datanode/starter.json?raw';
import killSolution from './steps/3-kill-datanode/solution.json?raw';
import appendInstructions from './steps/4-append/instructions.md?raw';
import appendStarter from './steps/4-append/starter.json?raw';
import appendSolution from './steps/4-append/solution.json?raw';

const MB = 1024 * 1024;
export const BIG = '/data/big.bin';
export const LOG = '/logs/clicks.log';
const run = { seed: 19, cluster: 'two-racks' as const };

const lab: Lab = {
  id: 'hdfs-blocks',
  title: 'HDFS blocks and replicas',
  chapters: ['19.2.2', '15.1'],
  minutes: 20,
  summary: 'Put a 512 MB file into HDFS, see its blocks placed rack-aware, kill a DataNode and watch re-replication.',
  intro,
  figures: ['19.1'],
  cluster: 'two-racks',
  datasets: [],
  translations: { de },
  steps: [
    {
      id: 'put-512mb',
      title: 'A 512 MB file in 128 MB blocks',
      kind: 'hdfs',
      instructions: putInstructions,
      figures: ['19.2', '19.1'],
      starter: putStarter,
      solution: putSolution,
      hints: [
        'The number of blocks is the file size divided by the block size, rounded up.',
        'Set "blockSize": "128m".',
      ],
      run,
      checks: [
        blockMapCheck('four-blocks', BIG, [128, 128, 128, 128], {
          en: 'set "blockSize" to "128m" so 512 MB is cut into 4 blocks',
          de: 'setze "blockSize" auf "128m", damit 512 MB in 4 Blöcke zerlegt werden',
        }),
        replicaCountCheck('three-replicas', BIG, 3),
        rackAwareCheck('rack-aware', BIG),
      ],
    },
    {
      id: 'block-size-replication',
      title: 'Other block sizes, fewer replicas',
      kind: 'hdfs',
      instructions: sizesInstructions,
      figures: ['19.2'],
      starter: sizesStarter,
      solution: sizesSolution,
      hints: [
        'Two blocks for 512 MB means each block holds half the file.',
        'Set "blockSize": "256m" and "replication": 2.',
      ],
      run,
      checks: [
        blockMapCheck('two-blocks', BIG, [256, 256], {
          en: 'set "blockSize" so that the 512 MB file becomes 2 blocks',
          de: 'setze "blockSize" so, dass die 512-MB-Datei 2 Blöcke ergibt',
        }),
        replicaCountCheck('two-replicas', BIG, 2),
        rackAwareCheck('rack-aware', BIG),
      ],
    },
    {
      id: 'kill-datanode',
      title: 'Kill a DataNode, watch re-replication',
      kind: 'hdfs',
      instructions: killInstructions,
      figures: ['19.1', '19.2'],
      starter: killStarter,
      solution: killSolution,
      // Practice places the blocks afresh: its hints point at the run, not at the lesson's n5.
      practice: {
        solution: (seed) => killSolutionFor(seed, run, killStarter, killSolution),
        hints: [
          "Pick a node that holds blocks: run the starter; the check 'replicas still span both racks after recovery' names the nodes each block's replicas are on.",
          'Add { "atMs": 60000, "kind": "killNode", "node": "n2" } to "faults", with one of those nodes in place of n2.',
          'Delete the "runForMs" line: the run then lasts until the NameNode has declared the node dead and re-replication is done.',
        ],
      },
      hints: [
        'Pick a node that holds blocks: in step 1 n5 held three of them.',
        'Add { "atMs": 60000, "kind": "killNode", "node": "n5" } to "faults".',
        'Delete the "runForMs" line: the run then lasts until the NameNode has declared the node dead and re-replication is done.',
      ],
      run,
      checks: [
        pinnedSettingsCheck('one-kill-one-minute-in', "step 1's file, one DataNode killed one minute in", {
          fileSize: 512 * MB,
          blockSize: 128 * MB,
          replication: 3,
          oneKillAtMs: 60_000,
        }),
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
      instructions: appendInstructions,
      figures: ['19.2'],
      starter: appendStarter,
      solution: appendSolution,
      hints: ['Add an "append" field next to "file".', 'Write "append": { "size": "100m" }.'],
      run,
      checks: [
        blockMapCheck(
          'blocks-after-append',
          LOG,
          [128, 128, 44],
          {
            en: 'append 100 MB to the 200 MB file (200 + 100 = 128 + 128 + 44)',
            de: 'hänge 100 MB an die 200-MB-Datei an (200 + 100 = 128 + 128 + 44)',
          },
          'final',
        ),
        appendCheck('last-block-filled', LOG),
        pinnedSettingsCheck('append-100mb-to-200mb', '100 MB appended to the 200 MB file', {
          fileSize: 200 * MB,
          blockSize: 128 * MB,
          appendSize: 100 * MB,
        }),
        replicaCountCheck('three-replicas', LOG, 3, 'final'),
      ],
    },
  ],
};

export default lab;
