import type { CustomerReport } from '../metrics/report-types.js';
import type { CustomerHistory } from '../metrics/trend.js';
import { workloadNamed } from '../data/workloads.js';
import { attentionAnswer, dataAnswer, purchasesAnswer, renewalsAnswer, supportAnswer, trialsAnswer } from './focus/account-answers.js';
import { benchmarkAnswer, productAnswer, seatsAnswer, standingAnswer, upsellAnswer } from './focus/license-answers.js';
import type { CardSettings } from './customer-card.js';
import { trendAnswer, usersAnswer, workloadAnswer, workloadsAnswer } from './focus/usage-answers.js';

/**
 * What of one customer was asked about ("Teams usage at Fabrikam", "when does Woodgrove renew?",
 * "how many seats does Contoso have?", "is Fabrikam low?", "Contoso's open tickets"): answered in a
 * line above its card.
 */
export type CustomerFocus =
  | { readonly kind: 'workload'; readonly workload: string }
  | { readonly kind: 'renewals' }
  | { readonly kind: 'seats' }
  /** Low adoption or not, against the thresholds in force. */
  | { readonly kind: 'standing' }
  /** How old its newest data is. */
  | { readonly kind: 'data' }
  /** How its numbers moved over about so many days ("since last month": 30). */
  | { readonly kind: 'trend'; readonly days: number }
  /** Its workloads by usage, the least used first. */
  | { readonly kind: 'workloads' }
  /** Whether it is ready for more seats or a higher plan. */
  | { readonly kind: 'upsell' }
  /** How many people have a license, and how many entitlements were active. */
  | { readonly kind: 'users' }
  /** Its subscriptions in grace period, suspended, expired or disabled. */
  | { readonly kind: 'attention' }
  /** Its trial subscriptions. */
  | { readonly kind: 'trials' }
  /** Since when it is a customer, and what it bought last: its subscriptions' creation dates. */
  | { readonly kind: 'purchases' }
  /** Its numbers against the portfolio's median customer. */
  | { readonly kind: 'benchmark' }
  | { readonly kind: 'support' }
  /** A product named by some of its words, as typed ("E3", "teams premium"). */
  | { readonly kind: 'product'; readonly product: string };

/** The focuses that carry nothing but their kind. */
const SIMPLE_FOCUS = [
  'renewals',
  'seats',
  'standing',
  'support',
  'data',
  'workloads',
  'upsell',
  'users',
  'attention',
  'trials',
  'purchases',
  'benchmark',
] as const;
type SimpleFocus = (typeof SIMPLE_FOCUS)[number];
const isSimpleFocus = (value: unknown): value is SimpleFocus => SIMPLE_FOCUS.some((kind) => kind === value);

/** A focus as a card button carries it, so that a refresh keeps the answer. */
export function focusData(focus: CustomerFocus): Record<string, string> {
  if (focus.kind === 'workload') return { focus: 'workload', workload: focus.workload };
  if (focus.kind === 'product') return { focus: 'product', product: focus.product };
  if (focus.kind === 'trend') return { focus: 'trend', days: String(focus.days) };
  return { focus: focus.kind };
}

/** The focus a button's data carries; null when it carries none, or one this bot never sent. */
export function focusOf(fields: Readonly<Record<string, unknown>>): CustomerFocus | null {
  const { focus, workload, product, days } = fields;
  if (focus === 'trend') {
    // As sent: a span of 1 to 999 days.
    const span = typeof days === 'string' && /^\d{1,3}$/.test(days) ? Number(days) : 0;
    return span >= 1 ? { kind: 'trend', days: span } : null;
  }
  if (isSimpleFocus(focus)) return { kind: focus };
  if (focus === 'product') return typeof product === 'string' && product.trim() !== '' ? { kind: 'product', product } : null;
  if (focus !== 'workload' || typeof workload !== 'string') return null;
  const named = workloadNamed(workload);
  return named === null ? null : { kind: 'workload', workload: named };
}

/** The answer to what was asked, in a sentence: what the line above the card says, and the message's summary. */
export function focusAnswer(
  report: CustomerReport,
  focus: CustomerFocus,
  history: CustomerHistory,
  settings: Pick<CardSettings, 'thresholds' | 'typical'>,
): string {
  const { thresholds } = settings;
  switch (focus.kind) {
    case 'workload':
      return workloadAnswer(report, focus.workload, history, thresholds);
    case 'renewals':
      return renewalsAnswer(report, history);
    case 'seats':
      return seatsAnswer(report);
    case 'standing':
      return standingAnswer(report, thresholds);
    case 'support':
      return supportAnswer(report, thresholds);
    case 'data':
      return dataAnswer(report, history, thresholds);
    case 'trend':
      return trendAnswer(report, history, focus.days);
    case 'workloads':
      return workloadsAnswer(report, thresholds);
    case 'upsell':
      return upsellAnswer(report, thresholds);
    case 'users':
      return usersAnswer(report);
    case 'attention':
      return attentionAnswer(report);
    case 'trials':
      return trialsAnswer(report, history);
    case 'purchases':
      return purchasesAnswer(report, history);
    case 'benchmark':
      return benchmarkAnswer(report, settings.typical);
    case 'product':
      return productAnswer(report, focus.product, history);
  }
}
