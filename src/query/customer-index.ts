import Fuse from 'fuse.js';

/** A word: letters and digits, with the & ' - that names keep inside a word. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}&'-]*/gu;

/** A name's words, lower-cased. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Words people put around a name ("what should I do for Fabrikam", "share Contoso", "Contoso Teams
 * trend") that never start one here: a customer whose name starts with one of them is found by more of it.
 */
const NOT_A_NAME = new Set(
  (
    'a an the this that these those my our your their its of for to in on at by with about from and or vs versus ' +
    'what whats how hows why who which when where is are was were be been does do did can could should would will ' +
    'me i we you it they show share open tell give get list find compare please pls thanks ' +
    'all any each every some one two first last new old top best worst low lowest high highest good bad more most less many much unused ' +
    'customer customers account accounts tenant adoption usage deployment licenses license report card numbers status trend ' +
    'teams exchange sharepoint onedrive yammer skype dynamics'
  ).split(' '),
);

/** The 's or ' that makes a word possessive. */
const POSSESSIVE = /'s?$/;

/** A lower-cased word said is a name's word, itself or as its possessive ("tailspin's" says "tailspin"). */
const saysWord = (said: string | undefined, word: string | undefined): boolean => said === word || said?.replace(POSSESSIVE, '') === word;

/**
 * The words of a sentence beside a customer's name, as typed: "E3" of "E3 at Contoso" for "Contoso
 * Ltd", "Business Premium usage" of "Fabrikam's Business Premium usage". The name is the first run
 * of the sentence's words that says its words in order (all of them, or its first ones, as a
 * sentence may name "Contoso Ltd" by "Contoso"); with no such run, every word is beside it.
 */
export function wordsBesideName(text: string, name: string): string[] {
  const said = text.match(WORD) ?? [];
  const named = wordsOf(name);
  const is = (at: number, word: string | undefined): boolean => saysWord(said[at]?.toLowerCase(), word);
  const start = said.findIndex((_, at) => is(at, named[0]));
  if (start < 0) return said;
  let end = start + 1;
  while (end - start < named.length && is(end, named[end - start])) end++;
  return [...said.slice(0, start), ...said.slice(end)];
}

export type CustomerMatch =
  | { readonly kind: 'one'; readonly name: string }
  | { readonly kind: 'several'; readonly names: readonly string[] }
  | { readonly kind: 'none'; readonly closest: readonly string[] };

/**
 * Finds a customer by what a person typed: case does not matter, a part of the name is enough
 * ("contoso" finds "Contoso Ltd"), small typos are forgiven ("Fabrikm"). Exact beats partial
 * beats fuzzy; several equally good answers are returned for the person to choose.
 * Built once per portfolio, so a lookup among thousands of customers costs one scan at most.
 */
export class CustomerIndex {
  private readonly lowered: readonly string[];
  private readonly exact = new Map<string, string[]>();
  /** Names by their first word, for finding a name inside a sentence. */
  private readonly byFirstWord = new Map<string, { readonly words: readonly string[]; readonly name: string }[]>();
  private fuse: Fuse<string> | null = null;

  constructor(readonly names: readonly string[]) {
    this.lowered = names.map((n) => n.toLowerCase());
    this.lowered.forEach((lower, i) => {
      const same = this.exact.get(lower);
      if (same) same.push(names[i]!);
      else this.exact.set(lower, [names[i]!]);
      const words = wordsOf(lower);
      const first = words[0];
      if (first === undefined || first.length < 3 || NOT_A_NAME.has(first)) return;
      const starting = this.byFirstWord.get(first);
      if (starting) starting.push({ words, name: names[i]! });
      else this.byFirstWord.set(first, [{ words, name: names[i]! }]);
    });
  }

  /**
   * The customers a sentence names by the start of their name, as whole words: "Fabrikam" in "what
   * should I do for Fabrikam" names "Fabrikam Inc". Where several start alike, the ones the sentence
   * says most words of.
   */
  mentionedIn(text: string): string[] {
    const said = wordsOf(text);
    // "Tailspin's Teams usage", "Adventure Works' card": a word is also itself without the possessive.
    const is = (at: number, word: string): boolean => saysWord(said[at], word);
    // Per first word said: how many words of each name starting with it the sentence says.
    const found = new Map<string, Map<string, number>>();
    said.forEach((saidWord, at) => {
      const word = this.byFirstWord.has(saidWord) ? saidWord : saidWord.replace(POSSESSIVE, '');
      for (const candidate of this.byFirstWord.get(word) ?? []) {
        let matched = 1;
        while (matched < candidate.words.length && is(at + matched, candidate.words[matched]!)) matched++;
        const alike = found.get(word) ?? new Map<string, number>();
        alike.set(candidate.name, Math.max(alike.get(candidate.name) ?? 0, matched));
        found.set(word, alike);
      }
    });
    return [...found.values()].flatMap((alike) => {
      const most = Math.max(...alike.values());
      return [...alike].filter(([, matched]) => matched === most).map(([name]) => name);
    });
  }

  /** The names spelled exactly so, case aside (two customers may share one). */
  named(text: string): readonly string[] {
    return this.exact.get(text.trim().toLowerCase()) ?? [];
  }

  /**
   * The names a query spells, whole (case aside) or else in part: no sentence read for a name, no
   * typo forgiven. For filing data, where a near miss would put it under another customer.
   */
  spelled(query: string): readonly string[] {
    const wanted = query.trim().toLowerCase();
    if (wanted === '') return [];
    return this.exact.get(wanted) ?? this.names.filter((_, i) => this.lowered[i]!.includes(wanted));
  }

  find(query: string): CustomerMatch {
    const wanted = query.trim().toLowerCase();
    if (wanted === '') return { kind: 'none', closest: [] };
    const spelled = this.spelled(wanted);
    if (spelled.length === 1) return { kind: 'one', name: spelled[0]! };
    if (spelled.length > 1) return { kind: 'several', names: spelled };
    const mentioned = this.mentionedIn(wanted);
    if (mentioned.length === 1) return { kind: 'one', name: mentioned[0]! };
    if (mentioned.length > 1) return { kind: 'several', names: mentioned };
    this.fuse ??= new Fuse(this.names, { includeScore: true, threshold: 0.6, ignoreLocation: true });
    const found = this.fuse.search(query.trim());
    const good = found.filter((r) => (r.score ?? 1) <= 0.3);
    if (good.length === 1) return { kind: 'one', name: good[0]!.item };
    if (good.length > 1) {
      const best = good[0]!.score ?? 0;
      const tied = good.filter((r) => (r.score ?? 1) - best < 0.05);
      return tied.length === 1 ? { kind: 'one', name: tied[0]!.item } : { kind: 'several', names: tied.map((r) => r.item) };
    }
    return { kind: 'none', closest: found.slice(0, 3).map((r) => r.item) };
  }
}
