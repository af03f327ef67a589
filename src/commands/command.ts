/** What a person asked for, whatever words they used. Parsing is pure: text in, command out. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'portfolio' }
  /** Customers whose deployment or usage is below a percent the person named. */
  | { readonly kind: 'below'; readonly percent: number }
  /** Customers below the configured low-usage or low-deployment thresholds. */
  | { readonly kind: 'low-adoption' }
  /**
   * One customer. `explicit` when the words said so ("adoption for X"); otherwise the whole text
   * was taken as a name and, if no customer matches, the person is told what the bot understands.
   */
  | { readonly kind: 'customer'; readonly query: string; readonly explicit: boolean }
  /** One customer by its key, from a button: no matching involved. */
  | { readonly kind: 'customer-key'; readonly key: string };

const HELP = /^(help|hi|hello|hey|hiya|good (morning|afternoon|evening)|commands|menu|what can you do|\?)$/;
const PORTFOLIO = /^(show |my |the )*(portfolio|overview|summary|all customers|everyone|dashboard)$/;
const BELOW = /\b(?:below|under|less than|lower than|<)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)?/;
const LOW =
  /^(?:(?:show|list|which|who)\b.*)?\blow(?:est)? (?:adoption|usage|deployment)\b|^(?:who|which customers?) (?:is|are) struggling$/;
const CUSTOMER = [
  /^(?:show |get |give me )?(?:the )?(?:adoption|usage|deployment|report|numbers|status|card)\s+(?:for|of|on|at)\s+(.+)$/,
  /^how(?: is|'s| are)\s+(.+?)(?:\s+doing)?$/,
  /^(?:show|open)\s+(?:me\s+)?(.+)$/,
];

/** Lower-cased, trimmed, inner spaces collapsed, trailing punctuation and quotes dropped. */
export function normalize(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.]+$/, '')
    .replace(/^["'“”]+|["'“”]+$/g, '')
    .toLowerCase();
}

export function parseCommand(text: string): Command {
  const said = normalize(text);
  if (HELP.test(said) || said === '') return { kind: 'help' };
  if (PORTFOLIO.test(said)) return { kind: 'portfolio' };
  const below = BELOW.exec(said);
  if (below) return { kind: 'below', percent: Number(below[1]!.replace(',', '.')) };
  if (LOW.test(said)) return { kind: 'low-adoption' };
  for (const pattern of CUSTOMER) {
    const match = pattern.exec(said);
    if (match) return { kind: 'customer', query: originalCase(text, match[1]!), explicit: true };
  }
  return {
    kind: 'customer',
    query: text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[?!.]+$/, ''),
    explicit: false,
  };
}

/** The part of the original text a lower-cased match stands for, so names keep their case. */
function originalCase(text: string, lowered: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().lastIndexOf(lowered);
  return at < 0 ? lowered : flat.slice(at, at + lowered.length);
}
