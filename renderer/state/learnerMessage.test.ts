import { describe, expect, it } from 'vitest';
import { learnerMessage } from './learnerMessage';

describe('learnerMessage', () => {
  it("keeps the store's sentence and drops Electron's IPC prefix", () => {
    const ipc = new Error(
      "Error invoking remote method 'progress:save': Error: Saved progress at /u/progress.json could not be opened (permission denied).",
    );
    expect(learnerMessage(ipc)).toBe('Saved progress at /u/progress.json could not be opened (permission denied).');
    expect(learnerMessage(new Error('the disk is full'))).toBe('the disk is full');
    expect(learnerMessage('plain')).toBe('plain');
  });
});
