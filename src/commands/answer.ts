import { customerCard, type CardSettings } from '../cards/customer-card.js';
import type { Reply } from '../cards/card.js';
import type { Scope } from '../cards/command-guide.js';
import { definitionsCard } from '../cards/definitions-card.js';
import { compareCard, compareHowCard, MAX_COMPARED } from '../cards/compare-card.js';
import { helpCard } from '../cards/help-card.js';
import { newCard } from '../cards/new-cards.js';
import { whyCard } from '../cards/why-card.js';
import { workloadsCard } from '../cards/workload-cards.js';
import { noSuchProduct, productCard, productsHeld, productComparisonCard, productsCard, withoutCard } from '../cards/product-cards.js';
import { name } from '../cards/text.js';
import {
  aboveThresholdCard,
  averageCard,
  lowAdoptionCard,
  nearThresholdCard,
  percentCard,
  rankedCard,
  standingCard,
} from '../cards/number-cards.js';
import { renewalsCard } from '../cards/renewal-cards.js';
import { allCustomersCard, choicesCard, moreCard } from '../cards/list-cards.js';
import { actionsCard, customersWithCard } from '../cards/action-cards.js';
import { attentionCard, inactiveCard, serviceRequestsCard, sizeCard, unassignedCard } from '../cards/count-cards.js';
import { movedCard } from '../cards/movement-cards.js';
import { portfolioCard } from '../cards/portfolio-card.js';
import {
  customerGoneCard,
  customerNotFoundCard,
  emptyPortfolioCard,
  exportCard,
  notUnderstoodCard,
  thanksCard,
} from '../cards/message-cards.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { isQuestion, namesJoined, parseCommand, type CustomerTarget, type Question } from './command.js';
import { mistypedCommand } from './questions/mistyped-commands.js';
import { buttons, type Button, type PageRequest } from '../cards/actions.js';
import { customerKey } from '../metrics/customer-key.js';
import type { CustomerFocus } from '../cards/customer-focus.js';
import { workloadNamed } from '../data/workloads.js';
import { wordsBesideName } from '../query/customer-index.js';

/** Words that ask nothing of a customer beside its name: "how is E3 doing at Contoso", "Contoso's E3 licenses". */
const AROUND_A_NAME = new Set(
  'a an the at for in of on with about how is are was doing what show me my our usage deployment adoption licenses licences seats numbers'.split(
    ' ',
  ),
);

/**
 * "E3 at Contoso", "Contoso Business Premium", "Contoso Teams": what the words beside the
 * customer's name ask of it, when they name a workload, or a product some customer has; null
 * when there are none, or they name neither (the card alone, as for the name alone).
 */
function focusBeside(query: string, customer: CustomerReport, view: PortfolioView): CustomerFocus | null {
  const said = wordsBesideName(query, customer.customer)
    .filter((word) => !AROUND_A_NAME.has(word.toLowerCase()))
    .join(' ');
  if (said === '') return null;
  const workload = workloadNamed(said);
  if (workload !== null) return { kind: 'workload', workload };
  return view.withProduct(said).length > 0 ? { kind: 'product', product: said } : null;
}

/**
 * The reply to a command, from the computed portfolio alone: no I/O, nothing recomputed. A list
 * shows the page asked for, its buttons asking the same question again for the others.
 */
export function answer(command: Question, view: PortfolioView, settings: CardSettings, scope: Scope, page: PageRequest): Reply {
  if (command.kind === 'help') return helpCard(view, scope);
  if (command.kind === 'thanks') return thanksCard();
  if (command.kind === 'more') return moreCard();
  if (command.kind === 'export') return exportCard();
  if (command.kind === 'definitions') return definitionsCard(view.thresholds);
  if (command.kind === 'portfolio' && view.report.partnerTotals.length > 0) return portfolioCard(view);
  if (view.customers.length === 0) return emptyPortfolioCard();
  switch (command.kind) {
    case 'portfolio':
      return portfolioCard(view);
    case 'all-customers':
      return allCustomersCard(view, page);
    case 'percent':
      return percentCard(view, command.query, command.among, page);
    case 'low-adoption':
      return lowAdoptionCard(view, command.measure, command.among, page);
    case 'near-threshold':
      return nearThresholdCard(view, command.measure, command.among, page);
    case 'above-threshold':
      return aboveThresholdCard(view, command.measure, command.among, page);
    case 'average':
      return averageCard(view, command.side, command.measure, command.among, page);
    case 'ranked':
      return rankedCard(view, command.measure, command.order, command.count, command.among, page);
    case 'unassigned':
    case 'inactive':
      // "unused E7 licenses": no product is named so, and the answer says which are.
      if (command.product !== null && view.withProduct(command.product).length === 0) return noSuchProduct(view, name(command.product), '');
      return command.kind === 'unassigned' ? unassignedCard(view, command, page) : inactiveCard(view, command, page);
    case 'requests':
      return serviceRequestsCard(view, command, page);
    case 'attention':
      return attentionCard(view, page);
    case 'size':
      if (command.product !== null && view.withProduct(command.product).length === 0) return noSuchProduct(view, name(command.product), '');
      return sizeCard(view, command.question, command.count, command.product, page);
    case 'renewals':
      return renewalsCard(view, command.span, command.scope, page);
    case 'moved':
      return movedCard(view, command.movement, page);
    case 'best':
    case 'worst':
      return standingCard(view, command.kind, command.count, page);
    case 'new':
      return newCard(view, command.what, command.days, page);
    case 'customers-with':
      return customersWithCard(view, command.code, page);
    case 'customer-key': {
      const customer = view.customer(command.key);
      if (!customer) return customerGoneCard();
      return customerCard(customer, settings, view.historyOf(customer), command.kept);
    }
    case 'actions':
      return actionsCard(view, page);
    case 'product': {
      // "who owns Contoso?": no product is named so, but a customer is: its card.
      if (view.withProduct(command.product).length === 0) {
        const found = view.find(command.product);
        const named = found.kind === 'one' && found.customer.customer.toLowerCase().includes(command.product.toLowerCase());
        if (named) return customerCard(found.customer, settings, view.historyOf(found.customer));
      }
      return productCard(view, command.product, page);
    }
    case 'products':
      return productsCard(view, command.order);
    case 'workloads':
      return workloadsCard(view, command.order);
    case 'without':
      return withoutCard(view, command.lacking, page);
    case 'compare':
      return compare(view, command.customers);
    case 'why': {
      const found = view.find(command.customer);
      if (found.kind === 'one') return whyCard(found.customer, settings.thresholds);
      if (found.kind === 'several') return choicesCard(view, command.customer, found.customers);
      // "why is usage over 100% for some of my customers": no one customer, the general answer.
      return definitionsCard(view.thresholds);
    }
    // Nothing before it that this function knows of: the customer named.
    case 'follow-up':
      return answer({ kind: 'customer', query: command.query, explicit: true }, view, settings, scope, page);
    case 'customer-focus': {
      // "Contoso Health", typed whole, is that customer's card, not Contoso's health.
      const whole = 'text' in page.origin ? view.named(page.origin.text.replace(/[?!.]+$/, '')) : null;
      if (whole !== null) return customerCard(whole, settings, view.historyOf(whole));
      const found = view.find(command.query);
      if (found.kind === 'one') {
        return customerCard(found.customer, settings, view.historyOf(found.customer), { kind: 'focus', focus: command.focus });
      }
      if (found.kind === 'several') {
        return choicesCard(view, command.query, found.customers, (c) => buttons.customer('Open', customerKey(c), command.focus));
      }
      // None, or a product named so: as for the name alone.
      return answer({ kind: 'customer', query: command.query, explicit: true }, view, settings, scope, page);
    }
    case 'customer': {
      const found = view.find(command.query);
      if (found.kind === 'one') {
        const focus = focusBeside(command.query, found.customer, view);
        return customerCard(found.customer, settings, view.historyOf(found.customer), focus && { kind: 'focus', focus });
      }
      // "Contoso and Fabrikam": when each name finds one customer, side by side.
      const joined = namesJoined(command.query);
      if (joined !== null && joined.length <= MAX_COMPARED && joined.every((name) => view.find(name).kind === 'one')) {
        return compare(
          view,
          joined.map((name) => ({ name })),
        );
      }
      if (found.kind === 'several') return choicesCard(view, command.query, found.customers);
      // "Business Premium usage", "E3 adoption": no customer is named so, but a product is: its customers.
      if (view.withProduct(command.query).length > 0) return productCard(view, command.query, page);
      if (command.explicit) return customerNotFoundCard(command.query, found.closest, productsHeld(view));
      // "portfollio", "hlep": a command word mistyped, when no customer is named like it.
      const meant = mistypedCommand(command.query);
      const typed = meant === null ? null : parseCommand(meant);
      return typed !== null && isQuestion(typed)
        ? answer(typed, view, settings, scope, page)
        : notUnderstoodCard(command.query, found.closest);
    }
  }
}

/**
 * Each customer found (once), then side by side. A name that finds none is said; one that finds
 * several is asked about first, each choice a button that compares with that one.
 */
function compare(view: PortfolioView, customers: readonly CustomerTarget[]): Reply {
  // "compare E3 and Business Premium": products, when every name is one and no customer's.
  const names = customers.flatMap((t) => ('name' in t ? [t.name] : []));
  if (names.length === customers.length && names.every((n) => view.find(n).kind === 'none' && view.withProduct(n).length > 0)) {
    return productComparisonCard(view, names);
  }
  const found: CustomerReport[] = [];
  for (const [i, target] of customers.entries()) {
    let customer: CustomerReport | undefined;
    if ('key' in target) {
      customer = view.customer(target.key);
      if (!customer) return customerGoneCard();
    } else {
      const hit = view.find(target.name);
      if (hit.kind === 'none') return customerNotFoundCard(target.name, hit.closest);
      if (hit.kind === 'several') {
        const choosing = (c: CustomerReport): Button =>
          buttons.compare(
            'Compare',
            customers.map((t, j) => (j === i ? { key: customerKey(c) } : t)),
          );
        return choicesCard(view, target.name, hit.customers, choosing);
      }
      customer = hit.customer;
    }
    if (!found.includes(customer)) found.push(customer);
  }
  if (found.length < 2 || found.length > MAX_COMPARED) return compareHowCard();
  return compareCard(
    found.map((report) => ({ report, history: view.historyOf(report) })),
    view.thresholds,
  );
}
