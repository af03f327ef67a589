import type { CustomerReport, ProductAdoption } from './report-types.js';

/** Lower-cased words of a name: "OFFICE 365 ENTERPRISE E3" -> office, 365, enterprise, e3. */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * The customer's products whose name has every word of the query, whole or as the start of a word
 * of three letters or more: "e3", "Dynamics 365", "teams prem" (Partner Center, Graph and files
 * spell the same product in capitals or not, with or without "Microsoft").
 */
export function productsNamed(report: CustomerReport, query: string): ProductAdoption[] {
  const wanted = words(query);
  if (wanted.length === 0) return [];
  return report.products.filter((p) => {
    const have = words(p.product);
    return wanted.every((w) => have.some((h) => h === w || (w.length >= 3 && h.startsWith(w))));
  });
}

/** Every product name the customers have, each once (as first spelled), in alphabetical order. */
export function productNames(customers: readonly CustomerReport[]): string[] {
  const byLower = new Map<string, string>();
  for (const c of customers)
    for (const p of c.products) if (!byLower.has(p.product.toLowerCase())) byLower.set(p.product.toLowerCase(), p.product);
  return [...byLower.values()].sort((a, b) => a.localeCompare(b));
}
