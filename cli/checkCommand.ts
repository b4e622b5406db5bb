/** `clusterlab check`: being written (owned by the check command's author). */
import { UsageError, type CliIo } from './cliIo';

export async function checkCommand(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('check: not available yet');
}
