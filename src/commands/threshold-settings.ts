import { buttons } from '../cards/actions.js';
import type { Reply } from '../cards/card.js';
import { messageCard } from '../cards/message-cards.js';
import { customersText } from '../cards/text.js';
import type { ThresholdName, Thresholds } from '../metrics/thresholds.js';
import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { BotStateStore } from '../proactive/bot-state.js';
import type { ThresholdCommand } from './questions/threshold-questions.js';
import type { Turn } from './turn.js';

/**
 * "set the usage threshold to 40%", "reset the thresholds": an admin changes a threshold for every
 * conversation, the alerts and the command line (the bot's state keeps it); the configured one
 * (the environment) is what a reset goes back to.
 */

interface ThresholdWords {
  /** What people call it: "set the usage threshold to 40%". */
  readonly name: string;
  /** "Usage under 40% is low adoption". */
  readonly rule: (value: number) => string;
  /** What a value must be, and the check. */
  readonly range: string;
  readonly allows: (value: number) => boolean;
  readonly setting: string;
  /** How many customers the threshold now picks out. */
  readonly picks: (view: PortfolioView) => string;
}

const percent = (value: number): boolean => value >= 0 && value <= 100;
const whole = (most: number) => (value: number) => Number.isInteger(value) && value >= 1 && value <= most;
const lowAdoption = (view: PortfolioView): string => `Low adoption now: ${customersText(view.lowAdoption().length)}.`;

const WORDS: Readonly<Record<ThresholdName, ThresholdWords>> = {
  usageLowPercent: {
    name: 'usage',
    rule: (v) => `Usage under ${v}% is low adoption`,
    range: 'a percent from 0 to 100',
    allows: percent,
    setting: 'ADOPTION_USAGE_LOW_PERCENT',
    picks: lowAdoption,
  },
  deploymentLowPercent: {
    name: 'deployment',
    rule: (v) => `Deployment under ${v}% is low adoption`,
    range: 'a percent from 0 to 100',
    allows: percent,
    setting: 'ADOPTION_DEPLOYMENT_LOW_PERCENT',
    picks: lowAdoption,
  },
  upsellDeploymentPercent: {
    name: 'upsell',
    rule: (v) => `Deployment at or above ${v}% is an upsell opportunity`,
    range: 'a percent from 0 to 100',
    allows: percent,
    setting: 'ADOPTION_UPSELL_DEPLOYMENT_PERCENT',
    picks: (view) => `Upsell candidates now: ${customersText(view.summary.recommendations['training-upsell'])}.`,
  },
  supportRequests30Days: {
    name: 'support requests',
    rule: (v) => `${v} or more service requests in 30 days call for training and self-support`,
    range: 'a whole number of requests from 1 to 1000',
    allows: whole(1000),
    setting: 'ADOPTION_SUPPORT_REQUESTS_30D',
    picks: (view) => `Training candidates now: ${customersText(view.summary.recommendations['training-and-self-support'])}.`,
  },
  staleDays: {
    name: 'stale data',
    rule: (v) => `Data older than ${v} days is old`,
    range: 'a whole number of days from 1 to 365',
    allows: whole(365),
    setting: 'ADOPTION_STALE_DAYS',
    picks: (view) => `Customers with old data now: ${customersText(view.summary.flags['stale-data'])}.`,
  },
};

const NAMES = Object.keys(WORDS) as ThresholdName[];

/**
 * Changes one threshold (or all back) in the bot's state, and says what it was, what is configured,
 * and what it now picks out, read from the portfolio recomputed under it.
 */
export async function changeThresholds(
  command: ThresholdCommand,
  view: PortfolioView,
  state: BotStateStore,
  portfolio: PortfolioCache,
  configured: Thresholds,
  turn: Turn,
  now: Date,
): Promise<Reply> {
  const before = view.thresholds;
  if (command.kind === 'thresholds-reset') {
    await state.update((s) => delete s.thresholds);
    const changed = NAMES.filter((n) => before[n] !== configured[n]);
    return messageCard(
      changed.length === 0 ? 'The thresholds were the configured ones.' : 'The thresholds are the configured ones again.',
      [...NAMES.map((n) => `${WORDS[n].rule(configured[n])}.`), lowAdoption(await portfolio.view())],
      [buttons.lowAdoption(), buttons.actions()],
    );
  }
  const { threshold, value } = command;
  const words = WORDS[threshold];
  if (!words.allows(value)) {
    return messageCard(
      `${words.rule(before[threshold])}, still.`,
      [`Give ${words.range}: "set the ${words.name} threshold to ${before[threshold]}".`],
      [buttons.help()],
    );
  }
  await state.update((s) => {
    s.thresholds = { values: { ...s.thresholds?.values, [threshold]: value }, by: turn.user.name, since: now.toISOString() };
  });
  return messageCard(
    `${words.rule(value)}.`,
    [
      `It was ${before[threshold]} (configured: ${configured[threshold]}, ${words.setting}). Every chat and channel, the alerts and the command line read it from now on; "reset the thresholds" goes back to the configured ones.`,
      words.picks(await portfolio.view()),
    ],
    [buttons.lowAdoption(), buttons.actions()],
  );
}
