// The lab's generated datasets: each function gets the run's seed (a student's own, or a fresh
// one in practice mode) and returns the dataset's text. It runs in the sandbox, like a learner's job.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A small seeded generator (mulberry32): the same seed gives the same text on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 4,000 sentences of 4 to 12 made-up words of 1 to 12 letters. */
export function sentences({ seed }) {
  const next = random(seed);
  const lines = [];
  for (let i = 0; i < 4000; i++) {
    const words = [];
    const n = 4 + Math.floor(next() * 9);
    for (let k = 0; k < n; k++) {
      const length = 1 + Math.floor(next() * next() * 12);
      let word = '';
      for (let c = 0; c < length; c++) word += LETTERS[Math.floor(next() * 26)];
      words.push(word);
    }
    lines.push(words.join(' '));
  }
  return lines.join('\n') + '\n';
}
