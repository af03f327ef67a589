import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

// The adaptivecards package's ES build imports paths without extensions, which Node's ESM loader
// refuses; its UMD bundle is the same SDK.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/**
 * Parses a card with the Adaptive Cards SDK and returns every problem it reports, except a chart
 * element (which this SDK does not know, and Teams does) replaced by its fallback.
 */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    const chartFallback =
      e.event === AC.ValidationEvent.UnknownElementType && /Unknown element type "Chart\.[A-Za-z.]+"\. Fallback/.test(e.message);
    if (!chartFallback) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const validation = card.validateProperties();
  for (const e of validation.validationEvents) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  if (card.version.toString() !== '1.5') problems.push(`version ${card.version.toString()}, Teams renders up to 1.5`);
  return problems;
}

/** Chart elements on a card that have no fallback for hosts without charts. */
export function chartsWithoutFallback(json: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== 'object' || n === null) return;
    const o = n as Record<string, unknown>;
    if (typeof o['type'] === 'string' && o['type'].startsWith('Chart.') && o['fallback'] === undefined) out.push(o['type']);
    Object.values(o).forEach(walk);
  };
  walk(json);
  return out;
}
