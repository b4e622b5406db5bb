/** `clusterlab run`: being written (owned by the run command's author). */
import { UsageError, type CliIo } from './cliIo';

export async function runCommand(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('run: not available yet');
}
