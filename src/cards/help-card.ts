import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { buttons } from './actions.js';
import { render, type Reply } from './card.js';
import { COMMAND_GUIDE, guideFor, type Scope } from './command-guide.js';
import { dataStatus } from './message-cards.js';

/** What the bot can do, with examples; the welcome card is the same with a greeting. */

const INTRO =
  'I tell you how well your customers use the Microsoft 365 and Dynamics 365 licenses they bought: deployment (assigned of sold) and usage (active of entitled, last 28 days), why a number looks odd, and what to do about it. Beyond the commands below, ask "low adoption", "customers with trials", "what is usage?", "why is Adventure Works\' usage above 100%?", "compare Contoso and Fabrikam", "which products do we sell?", "which workload is least used?", "who bought E3?", "who doesn\'t have E3?", "when was the data last updated?", "who dropped this month?", "who improved?", "best customers", "bottom 5", "any new customers?", "who has the most unused licenses?", "who has the most inactive users?", "who has the most support requests?", "which subscriptions need attention?", "biggest customers", "Teams usage", "Teams usage at Fabrikam" (then "and Contoso?"), "who is below average?", "who is close to the threshold?", "who is above the threshold?" or "all customers" (A to Z). "share Contoso" posts its card to the channel that follows it. For the customers to act on every week, an admin says "weekly summary on" ("weekly summary off" stops it); to change what counts as low, "set the usage threshold to 40%" ("reset the thresholds" goes back); "mute Contoso" silences its alerts here for 30 days ("unmute Contoso" undoes it), "pause alerts for a week" every alert here ("resume alerts" ends it), "change the alert threshold to 35%" the level alerts here come under; "which channels get alerts?" lists every conversation that gets them, "which alerts were sent here?" the alerts of the last 30 days; "am I an admin?" says what you may change. An admin can also send me the files exported from Partner Center or Microsoft Graph in a personal chat, and I import them (name the customer in the message when a file does not).';

/**
 * The intro, with the questions this scope's command list leaves out to make room for its own
 * (a channel's link commands take the place of the to-do and the renewals, which work there too).
 */
function introFor(scope: Scope): string {
  const leftOut = scope === 'channel' ? COMMAND_GUIDE.filter((g) => !g.scopes.includes('channel')) : [];
  return leftOut.length === 0 ? INTRO : `${INTRO} Here too: ${leftOut.map((g) => `"${g.example}"`).join(', ')}.`;
}

function card(greeting: string, view: PortfolioView, scope: Scope): Reply {
  return {
    card: render('help', {
      greeting,
      intro: introFor(scope),
      dataStatus: dataStatus(view),
      commands: guideFor(scope),
      channelHint: scope === 'personal' ? '' : 'Here, @mention me first: "@Adoption portfolio".',
      buttons: [buttons.portfolio(), buttons.lowAdoption()],
    }),
    summary: greeting,
  };
}

export function helpCard(view: PortfolioView, scope: Scope): Reply {
  return card('Here is what I can do', view, scope);
}

export function welcomeCard(view: PortfolioView, scope: Scope): Reply {
  return card("Hi, I'm Adoption", view, scope);
}
