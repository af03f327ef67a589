import type { Measure } from '../alerts/alert.js';
import type { Command, CustomerTarget } from '../commands/command.js';
import { MUTE_DAYS } from '../alerts/subscriptions.js';
import { isFindingCode } from '../metrics/findings.js';
import { workloadNamed } from '../data/workloads.js';
import { focusData, focusOf, type CustomerFocus } from './customer-focus.js';

/**
 * Buttons are Universal Actions (Action.Execute): Teams sends them to the bot as an
 * adaptiveCard/action invoke, and the card the bot answers with replaces the clicked one.
 */
export const VERBS = [
  'customer',
  'refresh',
  'portfolio',
  'all-customers',
  'low-adoption',
  'actions',
  'customers-with',
  'help',
  'share',
  'mute',
  'unmute',
  'link',
  'unlink',
  'alerts-on',
  'compare',
  'page',
] as const;
export type Verb = (typeof VERBS)[number];

/** The settings a button carries out for one customer, by its key alone. */
export type SettingVerb = Extract<Verb, 'share' | 'mute' | 'unmute' | 'link' | 'unlink'>;

export interface Button {
  readonly title: string;
  readonly verb: Verb;
  readonly data: Readonly<Record<string, string | number>>;
}

/** What a list answered, to ask it again for other rows: the words typed, or the button pressed. */
export type ListOrigin =
  { readonly text: string } | { readonly verb: Exclude<Verb, 'page'>; readonly data: Readonly<Record<string, string | number>> };

/** Which way a typed "more" or "previous" turns a list. */
export type PageDirection = 'next' | 'previous';

/** Another page of a list: its question, and the first row to show (from 0). */
export interface PageRequest {
  readonly origin: ListOrigin;
  readonly from: number;
}

export const buttons = {
  /** One customer's card; with a focus, what was asked of it answered above. */
  customer: (title: string, key: string, focus: CustomerFocus | null = null): Button => ({
    title,
    verb: 'customer',
    data: { key, ...(focus === null ? {} : focusData(focus)) },
  }),
  portfolio: (): Button => ({ title: 'Show portfolio', verb: 'portfolio', data: {} }),
  allCustomers: (): Button => ({ title: 'All customers', verb: 'all-customers', data: {} }),
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
  /** Other rows of a list: its question goes along (a button's as JSON, card data holding strings). */
  page: (title: string, { origin, from }: PageRequest): Button => ({
    title,
    verb: 'page',
    data: 'text' in origin ? { ask: origin.text, from } : { button: JSON.stringify(origin), from },
  }),
};

/** Card data holds strings: JSON a button carries, read back; undefined for anything else. */
function parsedJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isVerb = (verb: unknown): verb is Exclude<Verb, 'page'> => verb !== 'page' && (VERBS as readonly unknown[]).includes(verb);

/**
 * A button pressed, as the question a list answered: its verb and its data's strings and numbers
 * (what this bot puts there; anything a client adds is left behind); null for a page button.
 */
export function pressed(verb: unknown, data: unknown): ListOrigin | null {
  if (!isVerb(verb)) return null;
  const fields = typeof data === 'object' && data !== null ? Object.entries(data) : [];
  return { verb, data: Object.fromEntries(fields.filter(([, v]) => typeof v === 'string' || typeof v === 'number')) };
}

/** The list a page button asks for again, or null for data this bot never sent. */
export function pageRequest(data: unknown): PageRequest | null {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const { from, ask, button } = fields;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 0) return null;
  if (typeof ask === 'string') return { origin: { text: ask }, from };
  const json = parsedJson(button);
  const { verb, data: values } = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const origin = pressed(verb, values);
  return origin === null ? null : { origin, from };
}

/** The customers a compare button names, or null for anything this bot never sent. */
function comparedTargets(json: unknown): CustomerTarget[] | null {
  const parsed = parsedJson(json);
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
    case 'refresh': {
      if (typeof fields['key'] !== 'string') return null;
      // A choice keeps what was asked; a refresh keeps what the card said: who shared it, or what was asked.
      const focus = focusOf(fields);
      const kept =
        verb === 'refresh' && typeof fields['sharedBy'] === 'string'
          ? ({ kind: 'shared', by: fields['sharedBy'] } as const)
          : focus === null
            ? null
            : ({ kind: 'focus', focus } as const);
      return { kind: 'customer-key', key: fields['key'], kept };
    }
    case 'portfolio':
      return { kind: 'portfolio' };
    case 'all-customers':
      return { kind: 'all-customers' };
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
