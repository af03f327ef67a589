import { sourcesText } from '../data/records.js';
import { medianOf } from '../metrics/median.js';
import { customerKey } from '../metrics/customer-key.js';
import {
  lackedText,
  licenseSums,
  usageSums,
  type Lacking,
  type LicenseSums,
  type ProductOrder,
  type ProductTotal,
} from '../metrics/products.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { buttons, type PageRequest } from './actions.js';
import type { Reply } from './card.js';
import { customerList, quoted } from './list-cards.js';
import { messageCard } from './message-cards.js';
import { count, customersText, name, percentText, usageCounted } from './text.js';

/** Customers by the products they have, or lack: "who bought E3?", "who doesn't have E3?". */

/** Product names listed when no customer has the one asked for. */
const PRODUCT_NAMES_SHOWN = 12;

/** Which products the cache holds, in words, for an answer that found none named as asked. */
export function productsHeld(view: PortfolioView): string {
  const known = view.productNames();
  const shown = known.slice(0, PRODUCT_NAMES_SHOWN).join(', ');
  return known.length === 0
    ? 'No product is in the cache yet.'
    : `Products in the cache: ${shown}${known.length > PRODUCT_NAMES_SHOWN ? ` and ${count(known.length - PRODUCT_NAMES_SHOWN)} more` : ''}.`;
}

/** No customer has a product named so: say it, and which products the cache holds. */
export function noSuchProduct(view: PortfolioView, asked: string, consequence: string): Reply {
  return messageCard(
    `No customer has a product named like "${asked}"${consequence}.`,
    [productsHeld(view)],
    [buttons.portfolio(), buttons.help()],
  );
}

/** "40 of 45 assigned (88.9%)"; "no license counts" for a product only usage reports name. */
function assignedText(p: LicenseSums): string {
  return p.sold === null || p.assigned === null
    ? 'no license counts'
    : `${count(p.assigned)} of ${count(p.sold)} assigned (${percentText(p.deploymentPercent)})`;
}

/** "610 of 675 assigned (90.4%), 65 unassigned": the sums over the customers, with what "how many are unassigned?" asks. */
function totalText(p: LicenseSums): string {
  return p.sold === null || p.assigned === null
    ? assignedText(p)
    : `${assignedText(p)}, ${count(Math.max(0, p.sold - p.assigned))} unassigned`;
}

/** "Microsoft 365 E3: 40 of 45 assigned (88.9%)". */
function productCounts(p: CustomerReport['products'][number]): string {
  return `${p.product}: ${assignedText(p)}`;
}

/** Products listed on the overview; the rest are counted. */
const PRODUCTS_SHOWN = 25;

/** "OFFICE 365 ENTERPRISE E3: 7 customers, 560 of 700 assigned (80%), usage 86.8% (1,451 of 1,671 active)". */
function productLine(t: ProductTotal): string {
  const usage = t.usagePercent === null ? '' : `, usage ${percentText(t.usagePercent)} (${count(t.active)} of ${count(t.entitled)} active)`;
  return `${t.product}: ${customersText(t.customers)}, ${assignedText(t)}${usage}`;
}

/** How the list is ordered, for its title and the line below it. */
function orderWords(order: ProductOrder): { title: string; note: string; option: string } {
  if (order.by === 'sold') return { title: '', note: 'The most licenses sold first.', option: '' };
  const first = `${order.order} ${order.by} first`;
  const without = order.by === 'usage' ? 'usage figures' : 'license counts';
  return {
    title: `, ${first}`,
    note: `The ${first} (sum over sum over the customers with the product); products without ${without} last.`,
    option: ` --measure ${order.by}${order.order === 'highest' ? ' --highest' : ''}`,
  };
}

/**
 * "which products do we sell?": every product over the customers with its licenses and usage, the
 * most licenses sold first; "which product has the lowest usage?": the lowest usage first.
 */
export function productsCard(view: PortfolioView, order: ProductOrder): Reply {
  const totals = view.productTotals(order);
  const words = orderWords(order);
  if (totals.length === 0)
    return messageCard('No product is in the cache yet.', ['Import or sync data first: ask "how do I import data?".'], [buttons.help()]);
  const shown = totals.slice(0, PRODUCTS_SHOWN);
  const more = totals.length - shown.length;
  return messageCard(
    `${count(totals.length)} product${totals.length === 1 ? '' : 's'} across ${customersText(view.customers.length)}${words.title}`,
    [
      ...shown.map(productLine),
      ...(more > 0 ? [`and ${count(more)} more; the command line lists them all: adoption products${words.option}`] : []),
      `${words.note} Ask "who bought <product>?" for its customers.`,
    ],
    [buttons.portfolio(), buttons.help()],
  );
}

/**
 * "compare E3 and Business Premium", "E3 vs Business Premium": each product named, summed over the
 * customers with it, as the products list shows a product.
 */
export function productComparisonCard(view: PortfolioView, queries: readonly string[]): Reply {
  const lines = queries.map((query) => {
    const found = view.withProduct(query);
    const named = found.flatMap((f) => f.products);
    return productLine({ product: name(view.productLabel(query)), customers: found.length, ...licenseSums(named), ...usageSums(named) });
  });
  return messageCard(
    queries.map((q) => name(view.productLabel(q))).join(' vs '),
    [...lines, 'Each summed over the customers with a product named so. Ask "who bought <product>?" for its customers.'],
    [buttons.portfolio(), buttons.help()],
  );
}

/** "who bought E3?": the customers with a product named so, worst first, each row with those products' counts. */
export function productCard(view: PortfolioView, query: string, page: PageRequest): Reply {
  const found = view.withProduct(query);
  if (found.length === 0) return noSuchProduct(view, name(query), '');
  const asked = name(view.productLabel(query));
  const products = new Map(found.map((f) => [customerKey(f.customer), f.products]));
  const named = found.flatMap((f) => f.products);
  const usage = usageSums(named);
  return customerList(
    view,
    found.map((f) => f.customer),
    {
      title: `${customersText(found.length)} with ${asked}`,
      subtitle:
        "Products whose name has every word asked; the sums above are those products', the deployment and usage beside each customer its own, over all its products.",
      command: `adoption report --product ${quoted(query)}`,
      note: (c) => (products.get(customerKey(c)) ?? []).map(productCounts).join(' · '),
      // "how many E3 licenses have we sold?": the sums over those customers' products named so.
      // "E3 usage": active of entitled over those products' workloads.
      totals: [
        { title: `Licenses (${asked})`, value: totalText(licenseSums(named)) },
        ...(usage.usagePercent === null
          ? []
          : [
              {
                title: `Usage (${asked})`,
                value: usageCounted(usage.active, usage.entitled, usage.usagePercent),
              },
            ]),
        // Beside the sums, where large customers weigh most: the typical customer's own numbers for those products.
        {
          title: `Median customer (${asked})`,
          value: `deployment ${percentText(medianOf(found.map((f) => licenseSums(f.products).deploymentPercent)))}, usage ${percentText(medianOf(found.map((f) => usageSums(f.products).usagePercent)))}`,
        },
      ],
    },
    page,
  );
}

/**
 * "customers without E3", "who doesn't have Teams?": the customers with no product named so (or
 * no entitlement to the workload), the most licenses first, each row with what it has instead.
 */
export function withoutCard(view: PortfolioView, lacking: Lacking, page: PageRequest): Reply {
  const { asked, has, subtitle, option, note } = lackingWords(lacking);
  // Nobody has it: every customer is without it, most likely a product misspelled.
  if (lacking.kind === 'product' && view.withProduct(lacking.words).length === 0) {
    return noSuchProduct(view, asked, `: all ${customersText(view.customers.length)} are without it`);
  }
  const customers = view.without(lacking);
  return customerList(
    view,
    customers,
    {
      title: customers.length === 0 ? `Every customer has ${has}` : `${customersText(customers.length)} without ${asked}`,
      // What a row says means nothing without rows.
      subtitle: customers.length === 0 ? '' : subtitle,
      command: `adoption report --without ${quoted(option)}`,
      note,
      order: 'most licenses first',
    },
    page,
  );
}

/** What a customer without figures lacks, and what to import for it. */
const FIGURES_MISSING: Readonly<Record<'deployment' | 'usage' | 'either', string>> = {
  deployment:
    'No licenses sold in any source: import Partner Center deployment analytics or subscribed SKUs, or Graph subscribedSkus, for them. Each row says where its data comes from.',
  usage:
    'No entitlements counted by any source: import Partner Center usage analytics or a Graph usage report for them. Each row says where its data comes from.',
  either:
    'Neither licenses sold nor entitlements counted by any source (known from subscriptions or service requests alone): import Partner Center analytics, or subscribed SKUs and a Graph usage report, for them. Each row says where its data comes from.',
};

/** How the card names what is lacking, what it means, the words for --without, and what each row says the customer has instead. */
function lackingWords(lacking: Lacking): {
  asked: string;
  has: string;
  subtitle: string;
  option: string;
  note: (c: CustomerReport) => string;
} {
  switch (lacking.kind) {
    case 'product': {
      const asked = name(lacking.words);
      return {
        asked,
        has: lackedText({ kind: 'product', words: asked }),
        subtitle: 'No product whose name has every word asked. Each row says what the customer has: the largest first, to offer it to.',
        option: lacking.words,
        note: (c) => c.products.map(productCounts).join(' · ') || 'no products in the data',
      };
    }
    case 'workload':
      return {
        asked: lacking.workload,
        has: lackedText(lacking),
        subtitle: `No ${lacking.workload} entitlement counted by any source: no license that includes it, or no report that counts it. Each row says what the customer has: the largest first.`,
        option: lacking.workload,
        note: (c) =>
          c.workloads
            .filter((w) => w.entitled > 0)
            .map((w) => w.workload)
            .join(', ') || 'no workload entitlements in the data',
      };
    case 'figures':
      return {
        asked: lackedText(lacking),
        has: lackedText(lacking),
        subtitle: FIGURES_MISSING[lacking.measure],
        option: lacking.measure === 'either' ? 'data' : `${lacking.measure} figures`,
        note: (c) => sourcesText(c.sources) || 'no data',
      };
  }
}
