import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import type { PageRequest } from './actions.js';
import type { CustomerFocus } from './customer-focus.js';

/** An Adaptive Card as sent on the wire. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body: readonly unknown[];
  readonly actions?: readonly unknown[];
}

/** What the bot says back: one card, and a one-line summary for notifications and plain-text clients. */
export interface Reply {
  readonly card: AdaptiveCard;
  readonly summary: string;
  /** A list shown a page at a time: its title and the pages around this one, for a typed "more". */
  readonly pages?: ListPages;
  /** What was asked of one customer, answered on its card: "and Fabrikam?" asks it of another. */
  readonly focus?: CustomerFocus;
}

export interface ListPages {
  readonly title: string;
  readonly next: PageRequest | null;
  readonly previous: PageRequest | null;
}

/**
 * Teams refuses a bot message over about 100 KB counted in UTF-16, and asks bots to stay within
 * 80 KB to be sure it is delivered (learn.microsoft.com, "Format your bot messages"). Every card
 * stays under that, whatever the data.
 */
export const MAX_CARD_BYTES = 80 * 1024;

/** A message's size as Teams counts it: its JSON in UTF-16, two bytes a code unit. */
export function teamsSize(message: unknown): number {
  return JSON.stringify(message).length * 2;
}

export class CardTooLargeError extends Error {}

export type TemplateName = 'customer' | 'customer-list' | 'compare' | 'help' | 'message' | 'alert';

const templates = new Map<TemplateName, ACData.Template>();

function template(name: TemplateName): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    const json: unknown = JSON.parse(readFileSync(new URL(`./templates/${name}.json`, import.meta.url), 'utf8'));
    t = new ACData.Template(json);
    templates.set(name, t);
  }
  return t;
}

/**
 * Binds data to a card template (adaptivecards-templating). Values are bound, never spliced into
 * the template's text, so `${...}` inside a customer name stays text.
 */
export function render(name: TemplateName, data: object): AdaptiveCard {
  const card = template(name).expand({ $root: data }) as AdaptiveCard;
  const bytes = teamsSize(card);
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(`the ${name} card is ${bytes} bytes in UTF-16, over ${MAX_CARD_BYTES}`);
  return card;
}
