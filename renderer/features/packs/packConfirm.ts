/**
 * The confirmations the packs feature asks for (replace a pack with a new version, remove a
 * pack): a question in a small zustand store, answered by PackConfirmDialog on the home page.
 */
import { create } from 'zustand';

export interface PackQuestion {
  kind: 'replace' | 'remove';
  /** The pack's name, shown in the question. */
  name: string;
  answer(yes: boolean): void;
}

export const usePackQuestion = create<{ question: PackQuestion | null }>()(() => ({ question: null }));

/** Asks `kind` about the pack `name`; resolves true when the learner confirms. A newer question cancels an open one. */
export function askAboutPack(kind: PackQuestion['kind'], name: string): Promise<boolean> {
  usePackQuestion.getState().question?.answer(false);
  return new Promise((resolve) => {
    const question: PackQuestion = {
      kind,
      name,
      answer: (yes) => {
        if (usePackQuestion.getState().question === question) usePackQuestion.setState({ question: null });
        resolve(yes);
      },
    };
    usePackQuestion.setState({ question });
  });
}
