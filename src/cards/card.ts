import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';

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
}

/** Teams refuses messages over 100 KB; keep well under it, whatever the data. */
export const MAX_CARD_BYTES = 80 * 1024;

export class CardTooLargeError extends Error {}

export type TemplateName = 'customer' | 'customer-list' | 'help' | 'message' | 'alert';

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
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(`the ${name} card is ${bytes} bytes, over ${MAX_CARD_BYTES}`);
  return card;
}
