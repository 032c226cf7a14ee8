import type { ContractDrift, KeyPath } from './contract-drift.ts';

/** A missing key and an unexpected key of the same object that are probably one field, renamed. */
export type RenameGuess = { from: KeyPath; to: KeyPath };

// How much of the shorter name a shared run of characters must cover to call two names alike.
const MIN_LIKENESS = 0.6;

/**
 * Pairs the missing and unexpected keys of each object: a lone missing key with a lone unexpected
 * one whatever their names, otherwise the most alike names first (case and `_`/`-` ignored), and
 * only names that are alike enough.
 * @example guessRenames({ missing: [['amount']], unexpected: [['amountMinor']] }) // [{ from: ['amount'], to: ['amountMinor'] }]
 */
export const guessRenames = (drift: ContractDrift): RenameGuess[] => {
  const unexpected = byParent(drift.unexpected);
  return [...byParent(drift.missing)].flatMap(([parent, missing]) => pairWithin(missing, unexpected.get(parent) ?? []));
};

const pairWithin = (missing: KeyPath[], unexpected: KeyPath[]): RenameGuess[] => {
  const [from] = missing;
  const [to] = unexpected;
  if (missing.length === 1 && unexpected.length === 1 && from && to) return [{ from, to }];
  const candidates = missing
    .flatMap((from) => unexpected.map((to) => ({ from, to, ...likeness(lastKey(from), lastKey(to)) })))
    .filter((candidate) => candidate.share >= MIN_LIKENESS)
    // A longer shared run wins a tie: `amountDue`, not `amount`, became `amountDueMinor`.
    .sort((a, b) => b.share - a.share || b.run - a.run);
  const guesses: RenameGuess[] = [];
  for (const { from, to } of candidates)
    if (!guesses.some((guess) => guess.from === from || guess.to === to)) guesses.push({ from, to });
  // In the order of the missing keys, as the report lists them.
  return guesses.sort((a, b) => missing.indexOf(a.from) - missing.indexOf(b.from));
};

/**
 * The longest run of characters two names share, and its share of the shorter name; the share is 0
 * when the run is under 3 characters, unless it is the whole shorter name (`id` in `eventId`).
 */
const likeness = (a: string, b: string): { share: number; run: number } => {
  const [x, y] = [normalized(a), normalized(b)];
  const shorter = Math.min(x.length, y.length);
  const run = longestCommonRun(x, y);
  return { share: shorter && run >= Math.min(3, shorter) ? run / shorter : 0, run };
};

const normalized = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const longestCommonRun = (x: string, y: string): number => {
  let longest = 0;
  // runs[j]: length of the common run ending at x[i - 1] and y[j - 1].
  let runs = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const next = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] !== y[j - 1]) continue;
      next[j] = (runs[j - 1] ?? 0) + 1;
      longest = Math.max(longest, next[j] ?? 0);
    }
    runs = next;
  }
  return longest;
};

const byParent = (keys: KeyPath[]): Map<string, KeyPath[]> => {
  const groups = new Map<string, KeyPath[]>();
  for (const key of keys) {
    const parent = JSON.stringify(key.slice(0, -1));
    groups.set(parent, [...(groups.get(parent) ?? []), key]);
  }
  return groups;
};

const lastKey = (key: KeyPath): string => String(key.at(-1) ?? '');
