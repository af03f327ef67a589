import Fuse from 'fuse.js';

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
  private fuse: Fuse<string> | null = null;

  constructor(readonly names: readonly string[]) {
    this.lowered = names.map((n) => n.toLowerCase());
    this.lowered.forEach((lower, i) => {
      const same = this.exact.get(lower);
      if (same) same.push(names[i]!);
      else this.exact.set(lower, [names[i]!]);
    });
  }

  find(query: string): CustomerMatch {
    const wanted = query.trim().toLowerCase();
    if (wanted === '') return { kind: 'none', closest: [] };
    const exact = this.exact.get(wanted);
    if (exact?.length === 1) return { kind: 'one', name: exact[0]! };
    const partial = this.names.filter((_, i) => this.lowered[i]!.includes(wanted));
    if (partial.length === 1) return { kind: 'one', name: partial[0]! };
    if (partial.length > 1) return { kind: 'several', names: partial };
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
