import { actionRow, findingOf, isFlagCode, TRIAL_ACTION_DAYS, type ActionRow } from '../metrics/findings.js';
import { attentionText } from '../metrics/subscription-attention.js';
import type { FindingCode } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { PageRequest } from './actions.js';
import type { Reply } from './card.js';
import { findingLabel, shortFindingLabel } from './labels.js';
import { count, customersText, renewalLabel } from './text.js';
import { customerList } from './list-cards.js';

/** Customers by what explains their numbers and what to do: one flag or action, and the to-do list. */

/** Customers with one flag or recommendation, worst first, each with what it says of them. */
export function customersWithCard(view: PortfolioView, code: FindingCode, page: PageRequest): Reply {
  const customers = view.withFinding(code);
  const label = findingLabel(code);
  const title = customers.length === 0 ? `No customer has this now: ${label}` : `${customersText(customers.length)}: ${label}`;
  const subtitle = isFlagCode(code) ? 'Why their numbers look odd' : 'What to do, and why';
  return customerList(
    view,
    customers,
    {
      title,
      subtitle,
      command: `adoption report --with ${code}`,
      note: (c) => {
        const finding = findingOf(c, code);
        return finding === undefined ? '' : 'reason' in finding ? finding.reason : finding.message;
      },
    },
    page,
  );
}

/** "Adoption content: usage 31% is below 50% · Old data: 21 days old · Renewal: Office 365 E3, 100 seats on 2026-12-25" (or "Trial end: …"). */
export function actionNote(row: ActionRow): string {
  const advice = row.advice.map((a) => `${shortFindingLabel(a.code)}: ${a.reason}`);
  const r = row.renewal;
  return [
    ...advice,
    ...(row.attention ?? []).map((a) => `Needs attention: ${attentionText(a)}`),
    ...(row.staleDays === null ? [] : [`Old data: ${count(row.staleDays)} days old`]),
    ...(r === undefined ? [] : [`${renewalLabel(r)}: ${r.offer}, ${count(r.seats)} seats on ${r.renewsOn.slice(0, 10)}`]),
  ].join(' · ');
}

/** "what should I do?": customers with a suggested action, a trial about to end or old data, the most urgent first, each with why. */
export function actionsCard(view: PortfolioView, page: PageRequest): Reply {
  const customers = view.needingAction();
  return customerList(
    view,
    customers,
    {
      title: customers.length === 0 ? 'Nothing to act on now' : `${customersText(customers.length)} to act on`,
      subtitle: `Most urgent first: low adoption (adoption content), then many support requests (training and self-support), then subscriptions needing attention (renew or reactivate them), then upsell (training courses), then trials ending within ${TRIAL_ACTION_DAYS} days (convert them); old data last, to refresh before acting.`,
      command: 'adoption report --actions',
      note: (c) => actionNote(actionRow(c, view.report.generatedAt)),
      order: 'most urgent first',
    },
    page,
  );
}
