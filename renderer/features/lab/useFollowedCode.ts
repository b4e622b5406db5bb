/**
 * A lesson step's editor follows another tab's newer save of the step (useFollowSaved,
 * mergeProgress.ts). When that replaces this tab's text, this tab's run no longer belongs beside
 * the code (`clearRun`: the saved last run, the new code's, shows instead), and the replaced text
 * is offered back until the learner chooses: `restore` saves it again (`save`), `dismiss` keeps the
 * other tab's, and so does typing in it. Null while nothing is offered.
 */
import { useState } from 'react';
import { useFollowSaved } from '../../state/useFollowSaved';

export function useFollowedCode(
  saved: string | undefined,
  source: string,
  setSource: (value: string) => void,
  clearRun: () => void,
  save: (value: string) => void,
): { restore(): void; dismiss(): void } | null {
  const [offer, setOffer] = useState<{ mine: string; theirs: string } | null>(null);
  useFollowSaved(saved, source, setSource, (mine) => {
    clearRun();
    setOffer({ mine, theirs: saved ?? '' });
  });
  // Offered only while the editor holds the other tab's code as it came: an edit of it keeps it.
  if (offer === null || source !== offer.theirs) return null;
  return {
    restore: () => {
      save(offer.mine);
      setOffer(null);
    },
    dismiss: () => setOffer(null),
  };
}
