/** `clusterlab stream`: being written (owned by the stream command's author). */
import { UsageError, type CliIo } from './cliIo';

export async function streamCommand(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('stream: not available yet');
}
