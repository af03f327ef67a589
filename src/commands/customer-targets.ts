import { buttons, type Button, type SettingVerb } from '../cards/actions.js';
import type { Reply } from '../cards/card.js';
import { customerGoneCard, customerNotFoundCard, messageCard } from '../cards/message-cards.js';
import { name } from '../cards/text.js';
import { customerKey } from '../metrics/customer-key.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { CustomerTarget } from './command.js';

/** The customers a setting names: by a button's key, by a typed name, or by a list of names. */

/**
 * The customer a button or a typed name means, or the reply that says why not. Where a name
 * matches several, each is a button that does what was asked for that one: the setting `verb`
 * names, or what `choose` makes.
 */
export function findTarget(
  view: PortfolioView,
  target: CustomerTarget,
  verb: SettingVerb | ((c: CustomerReport) => Button),
): { customer: CustomerReport } | { reply: Reply } {
  const choose = typeof verb === 'function' ? verb : (c: CustomerReport): Button => buttons.setting(verb, name(c.customer), customerKey(c));
  if ('name' in target) return findOne(view, target.name, choose);
  const customer = view.customer(target.key);
  return customer ? { customer } : { reply: customerGoneCard() };
}

/** One customer by name, or the reply that says why not; where several match, `choose` makes each one's button. */
function findOne(
  view: PortfolioView,
  query: string,
  choose: (c: CustomerReport) => Button,
): { customer: CustomerReport } | { reply: Reply } {
  const found = view.find(query);
  if (found.kind === 'one') return { customer: found.customer };
  if (found.kind === 'several') {
    return {
      reply: messageCard(
        `${found.customers.length} customers match "${query}".`,
        ['Choose one, or say it again with more of the name.'],
        found.customers.slice(0, 5).map(choose),
      ),
    };
  }
  return { reply: customerNotFoundCard(query, found.closest) };
}

/** Names said together: "Contoso and Fabrikam", "Contoso, Fabrikam & Tailspin". */
const NAME_LIST = /\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/;

/**
 * The customers a list of names says, each once, when the whole is no one customer's name
 * ("Contoso and Fabrikam", not "Johnson & Johnson") and each name in it is exactly one
 * customer's; else null.
 */
export function eachNamed(view: PortfolioView, query: string): CustomerReport[] | null {
  const names = query.split(NAME_LIST).filter((n) => n.trim() !== '');
  if (names.length < 2 || view.find(query).kind === 'one') return null;
  const found = names.map((n) => view.find(n));
  if (!found.every((f) => f.kind === 'one')) return null;
  // "Contoso and Contoso Ltd" is one customer, named twice.
  const byKey = new Map(found.map((f) => [customerKey(f.customer), f.customer]));
  return [...byKey.values()];
}

/** "Contoso", "Contoso and Fabrikam", "Contoso, Fabrikam and Tailspin". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
