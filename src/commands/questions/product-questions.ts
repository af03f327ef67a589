import { workloadNamed } from '../../data/workloads.js';
import { lackingNamed, MOST_SOLD, type ProductOrder } from '../../metrics/products.js';
import type { Command } from '../command.js';
import type { Among } from '../../metrics/among.js';
import type { RankOrder } from '../../metrics/percent-filter.js';
import { originalCase } from './words.js';

/** Questions about products: who has one, who lacks one (or a workload). */

/** "who bought E3?", "which customers have Dynamics 365 Sales licenses", "customers with Teams Premium", "E3 customers". */
const PRODUCT =
  /^(?:(?:who|which customers?|what customers?|how many (?:customers|accounts)(?: do (?:we|i) have)?) (?:bought|buys|buy|has|have|owns?|is on|are on|uses?|is using|are using|with|on)|(?:does|do|did) (?:anyone|anybody|any (?:of )?(?:(?:our|my|the) )?(?:customers?|accounts?)|(?:our|my) (?:customers|accounts)) (?:have|own|use|buy|pay for)|(?:(?:show|list)(?: me)? )?(?:customers?|accounts?) (?:with|on|that (?:bought|have|own)|buying|using|owning))(?: an?| the| some| any)? (.+?)(?: licen[cs]es?| seats?| subscriptions?| plans?)?$|^(?:(?:show|list)(?: me)? )?(?:(?:all|my|our|the) )?(?!(?:how|who|what|which|where|why|when)\b)(.+?) (?:customers|accounts)$/;

/** A workload's usage across customers, lowest first: "Teams usage", "who uses Teams?". */
export const workloadRanking = (workload: string, among: Among | null = null): Command => ({
  kind: 'ranked',
  count: null,
  measure: { kind: 'workload', workload },
  order: 'lowest',
  among,
});

/** "customers without E3", "who doesn't have Teams?", "which customers have no Dynamics licenses?", "who isn't on Business Premium?". */
const WITHOUT =
  /^(?:(?:show|list)(?: me)? )?(?:(?:customers?|accounts?)(?: (?:that|who))? (?:without|with no|lacking|missing|not on|(?:do not|don't|does not|doesn't) (?:have|own|buy)|(?:have|has) not bought|(?:haven't|hasn't) bought|(?:are|is) not on|(?:aren't|isn't) on)|(?:who|which customers?|what customers?) (?:(?:do not|don't|does not|doesn't) (?:have|own|buy)|(?:has|have) no|(?:has|have) not bought|(?:hasn't|haven't) bought|(?:is|are) not on|(?:isn't|aren't) on|lacks?|(?:is|are) (?:missing|without)))(?: an?| any| the)? (.+?)(?: licen[cs]es?| seats?| subscriptions?| plans?)?(?: yet)?$/;

export function withoutAsked(text: string, asked: string): Command | null {
  const words = WITHOUT.exec(asked)?.[1];
  return words === undefined ? null : { kind: 'without', lacking: lackingNamed(originalCase(text, words)) };
}

/**
 * Every product, the most sold first: "products", "list products", "which products do we sell
 * (most)?", "what products do my customers have?", "what is our best-selling product?".
 */
const PRODUCTS =
  /^(?:(?:show|list)(?: me)? )?(?:(?:all|my|our|the) )?products(?: (?:we sell|sold|in the cache))?$|^(?:what|which) products (?:do|does|did) (?:we|i|my customers|our customers|the customers) (?:sell|sold|have|own|use|buy|bought)(?: (?:the )?most)?$|^(?:(?:the|our|my) )?(?:top|best[- ]?selling|most sold|biggest) products?$|^(?:which|what) products? (?:sells?|sold|do we sell) (?:the )?(?:best|most)$/;
/**
 * Every product by one number: "products by usage", "usage by product", "which product has the
 * lowest usage?", "which products are least deployed?", "the most used products", "which product
 * is doing worst?". Adoption of a product is its usage, and its usage what "doing" asks.
 */
const PRODUCTS_BY = [
  /^(?:(?:rank|sort|order|list|show)(?: me)? )?(?:(?:all|my|our|the) )?products (?:(?:ranked|sorted|ordered) )?by (?<measure>deployment|usage|adoption)(?: (?<direction>asc|ascending|desc|descending))?$/,
  /^(?<measure>deployment|usage|adoption) (?:by|per|for each) product$|^(?:the )?product (?<measure2>deployment|usage|adoption)$/,
  /^(?:which|what) products? (?:has|have|is|are) (?:the )?(?<rank>lowest|highest|worst|best|least|most|poorest|strongest) (?<measure>deployment|usage|adoption)$/,
  /^(?:which|what) products? (?:is|are) (?:the )?(?<rank>least|most|best|worst|poorly|well) (?<measure>used|deployed|adopted)$|^(?:which|what) products? (?:is|are) (?<measure2>used|deployed|adopted) (?:the )?(?<rank2>least|most|best|worst)$/,
  /^(?:(?:show|list)(?: me)? )?(?:the |our |my )?(?<rank>least|most|best|worst|poorly) (?<measure>used|deployed|adopted) products?$/,
  // "which product is doing worst?", "how are our products doing?": by usage.
  /^(?:which|what) products? (?:is|are) (?:doing|performing) (?:the )?(?<rank>worst|best|well|poorly|badly)$|^how (?:are|is) (?:(?:all|my|our|the) )?products? (?:doing|performing)$/,
];

/** What "products ..." asks to list them by; null when it asks about no product list. */
export function productsAsked(asked: string): ProductOrder | null {
  if (PRODUCTS.test(asked)) return MOST_SOLD;
  for (const pattern of PRODUCTS_BY) {
    const said = pattern.exec(asked)?.groups;
    if (!said) continue;
    const measure = said['measure'] ?? said['measure2'] ?? 'usage';
    const rank = said['rank'] ?? said['rank2'] ?? said['direction'];
    const highest = rank !== undefined && /^(?:highest|best|most|strongest|well|desc)/.test(rank);
    return { by: /^deploy/.test(measure) ? 'deployment' : 'usage', order: highest ? 'highest' : 'lowest' };
  }
  return null;
}

/**
 * Every workload by its usage over the customers: "usage by workload", "workloads", "which
 * workload is least used?", "the most used workload", "how are the workloads doing?" (lowest first
 * unless the most or best is asked).
 */
const WORKLOADS = [
  /^(?:(?:show|list)(?: me)? )?(?:(?:all|my|our|the) )?(?:workloads|workload usage|usage (?:by|per|for each|of each) workload)(?: (?:ranked|sorted|ordered) by usage| by usage)?$/,
  /^(?:which|what) workloads? (?:is|are|gets?) (?:the )?(?<rank>least|most|best|worst|poorly|well|rarely) (?:used|adopted)$|^(?:which|what) workloads? (?:is|are) (?:used|adopted) (?:the )?(?<rank2>least|most|best|worst)$/,
  /^(?:which|what) workloads? (?:has|have) (?:the )?(?<rank>lowest|highest|worst|best|least|most|poorest|strongest) (?:usage|adoption)$/,
  /^(?:(?:show|list)(?: me)? )?(?:the |our |my )?(?<rank>least|most|best|worst|poorly) (?:used|adopted) workloads?$/,
  /^how (?:are|is) (?:(?:all|my|our|the) )?workloads? (?:doing|performing|used)$/,
];

/** What "workloads ..." asks to list them by; null when it asks about no workload list. */
export function workloadsAsked(asked: string): RankOrder | null {
  for (const pattern of WORKLOADS) {
    const match = pattern.exec(asked);
    if (!match) continue;
    const rank = match.groups?.['rank'] ?? match.groups?.['rank2'];
    return rank !== undefined && /^(?:highest|best|most|strongest|well)/.test(rank) ? 'highest' : 'lowest';
  }
  return null;
}

/**
 * "how many E3 licenses have we sold?", "how many E3 licenses are unassigned?", "what percentage of
 * E3 licenses are assigned?":
 * the customers with it, and its licenses summed (sold, assigned, and so how many are not).
 */
const SOLD =
  /^how many (.+?) (?:licen[cs]es|seats) (?:(?:have|did|do) (?:we|i) (?:sold|sell|have)|(?:are|is) (?:unassigned|unused|not assigned|assigned|in use|idle|spare|free|sold|active|deployed))(?: in total)?$|^(?:(?:what|which) )?(?:the )?(?:percentage|percent|share|proportion) of (?:our |my |the |all )?(.+?) (?:licen[cs]es|seats) (?:(?:are|is|have been|has been|that are) )?(?:assigned|deployed|used|in use|active)$/;

/** "average deployment for E3 customers", "median usage for E3 customers", "overall usage of Business Premium", "usage for E3 customers": that product's customers, with its sums. */
const PRODUCT_AVERAGE =
  /^(?:the )?(?:average|overall|total|mean|median|typical) (?:deployment|usage|adoption)(?: rate)? (?:for|of|across|among|on|with) (?:all |my |our |the )?(.+?)(?: customers| accounts| licen[cs]es| seats)?$|^(?:the )?(?:deployment|usage|adoption)(?: rate)? (?:for|of|across|among|on|with) (?:all |my |our |the )?(.+?) (?:customers|accounts)$/;

/** The product a question names; a workload's name ("who uses Teams?") is the workload's usage instead. */
export function productAsked(text: string, asked: string): Command | null {
  const match = PRODUCT.exec(asked);
  const sold = SOLD.exec(asked);
  const average = PRODUCT_AVERAGE.exec(asked);
  const product = average?.[1] ?? average?.[2] ?? match?.[1] ?? match?.[2] ?? sold?.[1] ?? sold?.[2];
  // "what percentage of Contoso's licenses are assigned?", "how many of Contoso's licenses": a customer's, not a product's.
  if (product === undefined || /'s?$|^of /.test(product)) return null;
  const workload = workloadNamed(product);
  return workload === null ? { kind: 'product', product: originalCase(text, product) } : workloadRanking(workload);
}
