/** `clusterlab labs`: being written (owned by the labs command's author). */
import { UsageError, type CliIo } from './cliIo';

export async function labsCommand(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('labs: not available yet');
}
