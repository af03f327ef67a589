import type { Measure } from '../alerts/alert.js';
import type { Command, CustomerTarget } from '../commands/command.js';
import { MUTE_DAYS } from '../alerts/subscriptions.js';
import { isFindingCode } from '../metrics/findings.js';
import { workloadNamed } from '../data/workloads.js';

/**
 * Buttons are Universal Actions (Action.Execute): Teams sends them to the bot as an
 * adaptiveCard/action invoke, and the card the bot answers with replaces the clicked one.
 */
export type Verb =
  | 'customer'
  | 'refresh'
  | 'portfolio'
  | 'low-adoption'
  | 'actions'
  | 'customers-with'
  | 'help'
  | 'share'
  | 'mute'
  | 'unmute'
  | 'link'
  | 'unlink'
  | 'alerts-on'
  | 'compare';

/** The settings a button carries out for one customer, by its key alone. */
export type SettingVerb = Extract<Verb, 'share' | 'mute' | 'unmute' | 'link' | 'unlink'>;

export interface Button {
  readonly title: string;
  readonly verb: Verb;
  readonly data: Readonly<Record<string, string | number>>;
}

export const buttons = {
  customer: (title: string, key: string): Button => ({ title, verb: 'customer', data: { key } }),
  portfolio: (): Button => ({ title: 'Show portfolio', verb: 'portfolio', data: {} }),
  lowAdoption: (): Button => ({ title: 'Low adoption', verb: 'low-adoption', data: {} }),
  actions: (): Button => ({ title: 'What to do', verb: 'actions', data: {} }),
  help: (): Button => ({ title: 'Help', verb: 'help', data: {} }),
  /** Alerts here about one customer, under its own percent or the configured thresholds, on one number or both. */
  alertsOn: (title: string, key: string, percent: number | null, measure: Measure | null, workload: string | null): Button => ({
    title,
    verb: 'alerts-on',
    data: {
      key,
      ...(percent === null ? {} : { percent }),
      ...(measure === null ? {} : { measure }),
      ...(workload === null ? {} : { workload }),
    },
  }),
  /** A setting that acts on one customer, for the customer it names. */
  setting: (verb: SettingVerb, title: string, key: string): Button => ({ title, verb, data: { key } }),
  /** Card data holds strings: the customers go as JSON. */
  compare: (title: string, customers: readonly CustomerTarget[]): Button => ({
    title,
    verb: 'compare',
    data: { customers: JSON.stringify(customers) },
  }),
};

/** The customers a compare button names, or null for anything this bot never sent. */
function comparedTargets(json: unknown): CustomerTarget[] | null {
  if (typeof json !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length < 2) return null;
  const targets: CustomerTarget[] = [];
  for (const t of parsed as unknown[]) {
    if (typeof t !== 'object' || t === null) return null;
    const { key, name } = t as Record<string, unknown>;
    if (typeof key === 'string') targets.push({ key });
    else if (typeof name === 'string') targets.push({ name });
    else return null;
  }
  return targets;
}

/** The command a button stands for; null for a verb or data this bot never sent. */
export function commandForAction(verb: string, data: unknown): Command | null {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  switch (verb) {
    case 'customer':
      return typeof fields['key'] === 'string' ? { kind: 'customer-key', key: fields['key'], sharedBy: null } : null;
    case 'refresh': {
      if (typeof fields['key'] !== 'string') return null;
      const sharedBy = typeof fields['sharedBy'] === 'string' ? fields['sharedBy'] : null;
      return { kind: 'customer-key', key: fields['key'], sharedBy };
    }
    case 'portfolio':
      return { kind: 'portfolio' };
    case 'low-adoption':
      return { kind: 'low-adoption', measure: { kind: 'lower' }, among: null };
    case 'actions':
      return { kind: 'actions' };
    case 'customers-with':
      return typeof fields['code'] === 'string' && isFindingCode(fields['code']) ? { kind: 'customers-with', code: fields['code'] } : null;
    case 'help':
      return { kind: 'help' };
    case 'alerts-on': {
      const percent = fields['percent'];
      if (typeof fields['key'] !== 'string') return null;
      if (percent !== undefined && (typeof percent !== 'number' || !Number.isFinite(percent))) return null;
      const measure = fields['measure'];
      if (measure !== undefined && measure !== 'deployment' && measure !== 'usage') return null;
      const workload = typeof fields['workload'] === 'string' ? workloadNamed(fields['workload']) : null;
      if (fields['workload'] !== undefined && workload === null) return null;
      return { kind: 'alerts-on', customer: { key: fields['key'] }, percent: percent ?? null, measure: measure ?? null, workload };
    }
    case 'compare': {
      const customers = comparedTargets(fields['customers']);
      return customers === null ? null : { kind: 'compare', customers };
    }
    case 'mute':
      return typeof fields['key'] === 'string' ? { kind: verb, customer: { key: fields['key'] }, days: MUTE_DAYS } : null;
    case 'share':
    case 'unmute':
    case 'link':
    case 'unlink':
      return typeof fields['key'] === 'string' ? { kind: verb, customer: { key: fields['key'] } } : null;
    default:
      return null;
  }
}
