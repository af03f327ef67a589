import distance from 'damerau-levenshtein';

/**
 * One-word commands as people mistype them ("portfollio", "hlep", "exprot"), each with the words it
 * stands for. Read only when no customer is named like the word: a customer "Portfolia" is found first.
 */
const COMMAND_WORDS: ReadonlyMap<string, string> = new Map([
  ['portfolio', 'portfolio'],
  ['overview', 'overview'],
  ['help', 'help'],
  ['hello', 'help'],
  ['renewals', 'renewals'],
  ['trials', 'customers with trials'],
  ['export', 'export'],
  ['recommendations', 'recommendations'],
  ['definitions', 'definitions'],
  ['products', 'products'],
  ['shelfware', 'shelfware'],
]);

/** Typing slips a word of this many letters may have: one up to 5 letters, two from 6 (a swap of two letters is one). */
const slipsAllowed = (word: string): number => (word.length < 4 ? 0 : word.length < 6 ? 1 : 2);

/** The command words a mistyped command word stands for; null when it is not one word, or is near none or several. */
export function mistypedCommand(text: string): string | null {
  const word = text.trim().toLowerCase();
  if (!/^[a-z]+$/.test(word)) return null;
  const near = [...COMMAND_WORDS].filter(([command]) => distance(word, command).steps <= slipsAllowed(word));
  const meant = new Set(near.map(([, words]) => words));
  return meant.size === 1 ? near[0]![1] : null;
}
