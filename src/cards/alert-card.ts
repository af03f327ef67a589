import type { AlertCondition, CustomerAlert, NumberCondition } from '../alerts/alert.js';
import { buttons } from './actions.js';
import { render, type Reply } from './card.js';
import { FLAG_LABELS } from './labels.js';
import { actionNote } from './action-cards.js';
import { rowButton } from './list-cards.js';
import type { ActionRow } from '../metrics/findings.js';
import type { Renewal } from '../metrics/report-types.js';
import { customersText, fromToday, name, percentText, plain, renewalLabel, renewalLine } from './text.js';
import { daysUntil } from '../metrics/renewals.js';
import { attentionText } from '../metrics/subscription-attention.js';

/** Proactive alerts: one customer in detail, or a digest of several with a button per customer. */

const MEASURE = { deployment: 'Deployment', usage: 'Usage' } as const;

/** The number a condition reads, mid-sentence: "usage", "deployment", "Teams usage". */
const measureWords = (c: NumberCondition): string => (c.workload === undefined ? c.measure : `${c.workload} usage`);

/** The same to start a sentence: "Usage", "Deployment", "Teams usage". */
const measureTitle = (c: NumberCondition): string => (c.workload === undefined ? MEASURE[c.measure] : `${c.workload} usage`);

/**
 * "Usage is 37.5%, under the 40% threshold." / "Deployment fell 12 points since 2026-11-24, from 80%
 * to 68%." / "Renewal: Office 365 E3: 100 seats renew 2026-12-25, in 30 days, with usage at 31%: …" /
 * "Needs attention: Office 365 E3: 20 seats suspended. …"
 */
export function describeCondition(c: AlertCondition): string {
  switch (c.kind) {
    case 'below':
      return `${measureTitle(c)} is ${percentText(c.percent)}, under the ${c.threshold}% threshold.`;
    case 'drop': {
      const points = Math.round((c.previousPercent - c.percent) * 10) / 10;
      return `${measureTitle(c)} fell ${points} points since ${c.since}, from ${percentText(c.previousPercent)} to ${percentText(c.percent)}.`;
    }
    case 'renewal':
      return `${renewalLine(c.renewal, c.today)}, with ${measureWords(c)} at ${percentText(c.percent)}: ${renewalAdvice(c.renewal)}.`;
    case 'attention':
      return `Needs attention: ${attentionText(c.subscription)}. Renew or reactivate it with the customer before the seats are lost, or right-size it.`;
  }
}

function renewalAdvice(r: Renewal): string {
  if (r.trial) return 'show what it is for before it ends';
  return r.autoRenew === false ? 'ask the customer why before it ends' : 'lift it before the customer decides how many seats to keep';
}

function shortCondition(c: AlertCondition): string {
  switch (c.kind) {
    case 'below':
      return `${measureWords(c)} under ${c.threshold}%`;
    case 'drop':
      return `${measureWords(c)} down ${Math.round((c.previousPercent - c.percent) * 10) / 10} pts`;
    case 'renewal':
      return `${renewalLabel(c.renewal).toLowerCase()} ${fromToday(daysUntil(c.renewal, c.today))}`;
    case 'attention':
      return `needs attention: ${attentionText(c.subscription)}`;
  }
}

export function alertCard(alert: CustomerAlert, alertId: string): Reply {
  const data = {
    title: plain(`Adoption alert: ${alert.customer}`, 140),
    subtitle: 'From the latest data in the cache. Mute stops alerts about this customer here for 30 days.',
    conditions: alert.conditions.map(describeCondition),
    measures: [
      { title: 'Deployment', value: percentText(alert.deploymentPercent) },
      { title: 'Usage', value: percentText(alert.usagePercent) },
    ],
    flags: alert.flags.map((f) => ({ title: FLAG_LABELS[f.code].title, message: plain(f.message, 600) })),
    recommendations: alert.recommendations.map((r) => ({ message: r.message, steps: r.actions.map((a) => plain(a, 300)) })),
    buttons: [
      buttons.customer('Open full card', alert.customerKey),
      { title: 'Mute for 30 days', verb: 'mute', data: { key: alert.customerKey, alert: alertId } },
    ],
  };
  const summary = plain(`${name(alert.customer)}: ${alert.conditions.map(describeCondition).join(' ')}`, 300);
  return { card: render('alert', data), summary };
}

/** Rows a digest shows; the rest are counted (the card must stay under Teams' size limit). */
const DIGEST_ROWS = 25;

export function digestCard(alerts: readonly CustomerAlert[]): Reply {
  const title = `${alerts.length} customers need attention`;
  const shown = alerts.slice(0, DIGEST_ROWS);
  const data = {
    title,
    subtitle: 'Adoption alerts from the latest data in the cache · open a customer for why and what to do',
    totals: [],
    listTitle: 'Customer',
    rows: shown.map((a) => ({
      open: rowButton(buttons.customer('Open', a.customerKey), a.customer),
      name: name(a.customer),
      note: plain(a.conditions.map(shortCondition).join(' · '), 160),
      deployment: percentText(a.deploymentPercent),
      deploymentColor: a.conditions.some((c) => c.kind !== 'attention' && c.measure === 'deployment') ? 'Attention' : 'Default',
      usage: percentText(a.usagePercent),
      // A workload's usage (under its threshold, or dropping) is in the note; the column is usage over all workloads.
      usageColor: a.conditions.some((c) => c.kind !== 'attention' && c.measure === 'usage' && c.workload === undefined)
        ? 'Attention'
        : 'Default',
    })),
    // Each kind of condition has its own list in chat.
    more:
      shown.length < alerts.length
        ? `and ${alerts.length - shown.length} more: "low adoption", "who dropped?", "renewals at risk" and "which subscriptions need attention?" list them.`
        : '',
    sections: [],
    buttons: [buttons.lowAdoption(), buttons.portfolio()],
  };
  return { card: render('customer-list', data), summary: title };
}

/** The weekly to-do: the customers to act on when it was made, the most urgent first, each with why. */
export function weeklyCard(rows: readonly ActionRow[]): Reply {
  const title = `This week: ${customersText(rows.length)} to act on`;
  const shown = rows.slice(0, DIGEST_ROWS);
  const data = {
    title,
    subtitle:
      'Most urgent first: low adoption, then many support requests, then subscriptions needing attention, then upsell, then trials about to end; old data last. From the latest sync; say "weekly summary off" to stop these.',
    totals: [],
    listTitle: 'Customer (most urgent first)',
    rows: shown.map((r) => ({
      open: rowButton(buttons.customer('Open', r.customerKey), r.customer),
      name: name(r.customer),
      note: plain(actionNote(r), 160),
      deployment: percentText(r.deploymentPercent),
      deploymentColor: 'Default',
      usage: percentText(r.usagePercent),
      usageColor: 'Default',
    })),
    more: shown.length < rows.length ? `and ${rows.length - shown.length} more: ask "what should I do?" for the whole list.` : '',
    sections: [],
    buttons: [buttons.actions(), buttons.portfolio()],
  };
  return { card: render('customer-list', data), summary: title };
}
