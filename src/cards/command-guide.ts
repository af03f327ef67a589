/** A conversation the bot can be in: a personal chat, a group chat or a team channel. */
export type Scope = 'personal' | 'groupChat' | 'channel';

/** One thing a person can type, as the help card and the Teams app manifest's command lists show it. */
export interface GuideEntry {
  /** What to type; also the command's title in the manifest (at most 32 characters). */
  readonly example: string;
  /** What it does; also the command's description in the manifest (at most 128 characters). */
  readonly meaning: string;
  readonly scopes: readonly Scope[];
}

const EVERYWHERE: readonly Scope[] = ['personal', 'groupChat', 'channel'];

/**
 * The commands people type, in the order the help card and the manifest list them. The manifest
 * (appPackage/manifest.json) repeats them per scope; a test keeps the two equal.
 */
export const COMMAND_GUIDE: readonly GuideEntry[] = [
  { example: 'help', meaning: 'What I can do, with examples', scopes: EVERYWHERE },
  { example: 'portfolio', meaning: 'Every customer, worst first, with totals', scopes: EVERYWHERE },
  {
    example: 'adoption for Contoso',
    meaning: 'One customer\'s card (also just "Contoso"), or a question about it: "is Contoso low?", "can I upsell Contoso?"',
    scopes: EVERYWHERE,
  },
  {
    example: 'below 40%',
    meaning: 'Customers whose deployment or usage is under 40% (also "Teams usage below 50%", "deployment above 90%")',
    scopes: EVERYWHERE,
  },
  // Teams lists at most 10 commands per scope; in channels these two give way to the link commands.
  {
    example: 'what should I do?',
    meaning: 'The customers to act on, the most urgent first, each with why: low adoption, support requests, upsell, trials ending',
    scopes: ['personal', 'groupChat'],
  },
  {
    example: 'who renews soon?',
    meaning: 'Subscriptions and trials ending in the next 90 days, soonest first (also "which trials end soon?", "who is not renewing?")',
    scopes: ['personal', 'groupChat'],
  },
  {
    example: 'alerts on below 40%',
    meaning: 'Alert this conversation when a customer falls under 40% or drops sharply (add "for Contoso" for one customer)',
    scopes: EVERYWHERE,
  },
  { example: 'alerts', meaning: 'The alerts and mutes set for this conversation', scopes: EVERYWHERE },
  { example: 'alerts off', meaning: 'No more alerts in this conversation', scopes: EVERYWHERE },
  {
    example: 'link this channel to Contoso',
    meaning: "Make this channel the account team's channel for Contoso: shared cards come here",
    scopes: ['channel'],
  },
  { example: 'links', meaning: 'Which channels follow which customers', scopes: EVERYWHERE },
  { example: 'unlink', meaning: 'This channel no longer follows its customers', scopes: ['channel'] },
];

export function guideFor(scope: Scope): GuideEntry[] {
  return COMMAND_GUIDE.filter((entry) => entry.scopes.includes(scope));
}
