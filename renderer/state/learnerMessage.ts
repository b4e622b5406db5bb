/** The store's own sentence, without the "Error invoking remote method …: Error:" that Electron's IPC adds. */
export function learnerMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, '');
}
