import { expect } from 'chai';
import sinon from 'sinon';
import type { DeploymentRecord, UsageRecord } from '../../src/data/records.js';
import { MAX_CARD_BYTES, teamsSize } from '../../src/cards/card.js';
import { Conversation } from '../../src/commands/conversation.js';
import { MENTIONED, parseCommand } from '../../src/commands/command.js';
import { PortfolioCache } from '../../src/portfolio/portfolio-cache.js';
import { cardProblems, chartsWithoutFallback } from '../cards/validate.js';
import { BACKENDS } from '../shared-azurite.js';
import { DEMO_A_TO_Z, DEMO_TO_ACT_ON, doc, subscription } from '../helpers.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import {
  BOT,
  buttonsOf,
  cardOf,
  conversationFor,
  elementOf,
  NOW,
  startHarness,
  teamsMessage,
  TENANT,
  textsOf,
  type Harness,
  type Scope,
} from './harness.js';

const CONTOSO = '00000001-0000-4000-8000-c0ffee000001';
const FABRIKAM = '00000002-0000-4000-8000-c0ffee000002';
const COHO = '0000000b-0000-4000-8000-c0ffee00000b';
const LITWARE = '00000007-0000-4000-8000-c0ffee000007';
const WOODGROVE = '00000004-0000-4000-8000-c0ffee000004';
const NORTHWIND = '00000003-0000-4000-8000-c0ffee000003';
const FOURTH_COFFEE = '0000000c-0000-4000-8000-c0ffee00000c';

for (const backend of BACKENDS) {
  describe(`the bot in Teams, over HTTP (${backend})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ storage: backend })));
    after(() => h.close());
    afterEach(() => sinon.restore());

    it('answers "adoption for Contoso" in a personal chat with the customer card, as a reply to the message', async () => {
      const sent = await h.say('adoption for Contoso');
      const messages = sent.filter((s) => s.activity.type === 'message');
      expect(messages).to.have.length(1);
      expect(messages[0]!.activityId).to.match(/^1732530/);
      expect(messages[0]!.activity['summary']).to.equal('Contoso Ltd: deployment 95%, usage 89%');
      const card = cardOf(messages[0]);
      expect(textsOf(card)[0]).to.equal('Contoso Ltd');
      const deployment = elementOf(card, 'Chart.Gauge', (g) => g['title'] === 'Deployment');
      expect(deployment).to.deep.include({ value: 95, max: 100, subLabel: '285 of 300 licenses assigned' });
      expect((deployment['fallback'] as { text: string }).text).to.equal('Deployment: 95% (285 of 300 licenses assigned)');
      expect(elementOf(card, 'Chart.Gauge', (g) => g['title'] === 'Usage')).to.deep.include({
        value: 89,
        subLabel: '761 of 855 entitlements active',
      });
      expect(elementOf(card, 'Chart.HorizontalBar')['data']).to.deep.equal([
        { x: 'Exchange', y: 91.2 },
        { x: 'SharePoint with OneDrive', y: 81.1 },
        { x: 'Teams', y: 94.7 },
      ]);
      expect(textsOf(card)).to.include.members(['OFFICE 365 ENTERPRISE E3', '300', '285', '95%']);
      // The first is the card's refresh: Teams sends it when someone looks at the card, so it shows today's numbers.
      expect((card as { refresh?: unknown }).refresh).to.deep.equal({
        action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { key: CONTOSO } },
      });
      expect(buttonsOf(card)).to.deep.equal([
        { title: 'Refresh', verb: 'refresh', data: { key: CONTOSO } },
        { title: 'Refresh', verb: 'refresh', data: { key: CONTOSO } },
        { title: 'Show portfolio', verb: 'portfolio', data: {} },
        { title: 'Share to account channel', verb: 'share', data: { key: CONTOSO } },
      ]);
      expect(cardProblems(card)).to.deep.equal([]);
    });

    it('strips its @mention in channels and group chats and forgives wording, case and typos', async () => {
      const FABRIKAM = 'Fabrikam Inc: deployment 40%, usage 37.5%';
      const CONTOSO = 'Contoso Ltd: deployment 95%, usage 89%';
      const PORTFOLIO = 'Portfolio: 12 customers, deployment 83.8%, usage 82.6%';
      const asked: [string, Scope, string][] = [
        ['how is fabrikam doing?', 'channel', FABRIKAM],
        ['Overview', 'channel', PORTFOLIO],
        ['ADOPTION FOR CONTOSO', 'groupChat', CONTOSO],
        ['adoption for Fabrikm', 'personal', FABRIKAM],
        ['Northwind', 'personal', 'Northwind Traders: deployment 90.9%, usage 91.3%'],
        ["Contoso's adoption", 'personal', CONTOSO],
        ['top 5 worst customers', 'personal', 'The worst 5 of 12 customers'],
        ['What is the adoption of Contoso?', 'personal', CONTOSO],
        ['tell me about fabrikam', 'personal', FABRIKAM],
        // A name inside a sentence the bot has no pattern for.
        ['what is going on at Fabrikam?', 'personal', FABRIKAM],
        // What to do for one customer: its explanations, then what to do and why.
        ['what should I do for Fabrikam?', 'personal', 'Fabrikam Inc: why the numbers look like this'],
        [
          'Contoso teams',
          'channel',
          'Contoso Ltd: Teams usage 94.7% (270 of 285 entitlements active) in the last 28 days, ▲ up 2.1 pts in 7 days (since 2026-11-18).',
        ],
        [
          "how is Fabrikam's Teams usage?",
          'personal',
          'Fabrikam Inc: Teams usage 35% (14 of 40 entitlements active) in the last 28 days, ▼ down 6.1 pts in 7 days (since 2026-11-18), under the 50% usage threshold.',
        ],
        ["show me Contoso's products", 'personal', CONTOSO],
        [
          'Fabrikam trend',
          'groupChat',
          'Fabrikam Inc: Since 2026-11-18 (7 days): deployment ▼ down 1 pt to 40%, usage ▼ down 6.5 pts to 37.5%. Exchange ▼ 9.5 pts · SharePoint with OneDrive ▼ 3.9 pts · Teams ▼ 6.1 pts.',
        ],
        ['history for fabrikam', 'personal', FABRIKAM],
        ['show me the portfolio', 'personal', PORTFOLIO],
        ['total licenses', 'channel', PORTFOLIO],
        ['how many licenses do we have?', 'personal', PORTFOLIO],
        ['average usage', 'groupChat', PORTFOLIO],
        ['usage for all customers', 'personal', PORTFOLIO],
        ['how many customers have low adoption?', 'personal', '2 customers with low adoption'],
        ['which customers are at risk?', 'channel', '2 customers with low adoption'],
        ['who is not using SharePoint?', 'channel', '2 customers with SharePoint with OneDrive usage below 50%'],
        ['who uses Teams?', 'personal', 'Teams usage: 12 customers'],
        ['Dynamics customers', 'personal', 'Dynamics usage: 1 customer'],
        ['customers with E3', 'groupChat', '7 customers with E3'],
        ['how many licenses does the contoso account have', 'personal', CONTOSO],
        ['compare contoso and fabrikam', 'personal', 'Contoso Ltd vs Fabrikam Inc: deployment 95% vs 40%, usage 89% vs 37.5%'],
        ['how does Fabrikam compare to Contoso?', 'channel', 'Fabrikam Inc vs Contoso Ltd: deployment 40% vs 95%, usage 37.5% vs 89%'],
        ['give me the overview please', 'personal', PORTFOLIO],
        ['list customers', 'personal', '12 customers, A to Z'],
        ['customers A-Z', 'channel', '12 customers, A to Z'],
        ['what customers do we have?', 'groupChat', '12 customers, A to Z'],
        ['sort by name', 'personal', '12 customers, A to Z'],
        ['show me all my customers', 'personal', '12 customers, A to Z'],
        ['customers', 'personal', PORTFOLIO],
        ['which customers have trials?', 'personal', '1 customer: Trial subscription'],
        ['Who has old data', 'channel', '1 customer: Old data'],
        ['upsell opportunities', 'groupChat', '4 customers: Training courses (upsell)'],
        ['customers with duplicate subscriptions', 'personal', '1 customer: Two subscriptions for one product'],
        ['thanks!', 'personal', "You're welcome."],
        ['what is usage %?', 'personal', 'How the numbers are counted'],
        ['How is deployment calculated', 'channel', 'How the numbers are counted'],
        ['why can usage be over 100%?', 'groupChat', 'How the numbers are counted'],
        ['what does adoption mean', 'personal', 'How the numbers are counted'],
        ['explain the numbers', 'personal', 'How the numbers are counted'],
        // Not a comparison of two customers named "deployment" and "usage".
        ["what's the difference between deployment and usage?", 'channel', 'How the numbers are counted'],
        ['why does usage matter?', 'groupChat', 'How the numbers are counted'],
        ['what does active mean?', 'personal', 'How the numbers are counted'],
        ['how is usage calculated for OneDrive?', 'channel', 'How the numbers are counted'],
        ['what can I ask about renewals?', 'groupChat', 'Here is what I can do'],
        ['what does the Yammer flag mean?', 'channel', 'How the numbers are counted'],
        ['explain turnover', 'groupChat', 'How the numbers are counted'],
        ['why does Tailspin have usage over 100%?', 'groupChat', 'Tailspin Toys: why the numbers look like this'],
        ['how come contoso has deployment at 95%', 'personal', 'Contoso Ltd: why the numbers look like this'],
        ['why is Yammer usage over 100% at Adventure Works', 'channel', 'Adventure Works: why the numbers look like this'],
        // A workload named without "usage": still that customer's why.
        ['why is Yammer over 100% at Adventure Works?', 'personal', 'Adventure Works: why the numbers look like this'],
        ['why is Teams so low at Fabrikam?', 'groupChat', 'Fabrikam Inc: why the numbers look like this'],
        ['why are the numbers for Fabrikam so low', 'personal', 'Fabrikam Inc: why the numbers look like this'],
        // The demo's history: Coho Winery's and Fabrikam's usage fell in the last week.
        ['who dropped this week?', 'personal', '2 customers went down'],
        ['what changed this week?', 'channel', '10 customers moved'],
        ["what's new?", 'personal', '10 customers moved'],
        ['portfolio trend', 'groupChat', '10 customers moved'],
        ['how did we do last month?', 'channel', '12 customers moved'],
        ['Teams usage trend', 'personal', '9 customers whose Teams usage moved'],
        ['who uses Teams the most?', 'personal', 'Teams usage: 12 customers'],
        ['worst customers by usage', 'channel', 'Usage: 12 customers'],
        ['bottom 5', 'personal', 'The worst 5 of 12 customers'],
        ['who are my worst customers?', 'personal', PORTFOLIO],
        ['5 lowest', 'channel', 'The worst 5 of 12 customers'],
        ['customers with low Teams usage', 'groupChat', '2 customers with Teams usage below 50%'],
        ['unexplained usage over 100%', 'personal', 'No customer has this now: Usage above 100%'],
        ['which customers declined over the past two weeks', 'channel', '2 customers went down'],
        ['who improved?', 'personal', '8 customers went up'],
        ['who went up this month?', 'groupChat', '10 customers went up'],
        ['biggest gains this quarter', 'personal', '10 customers went up'],
        ['which customers have the most unused licenses?', 'channel', '12 customers with unassigned licenses'],
        ['where are the idle seats', 'personal', '12 customers with unassigned licenses'],
        ['shelfware', 'channel', '12 customers with unassigned licenses'],
        // Assigned but unused: the entitlements nobody used, not the licenses nobody has.
        ['who has licenses assigned but unused?', 'personal', '11 customers with inactive entitlements'],
        // Bare "unused licenses" is the advice that names them.
        ['unused licenses', 'personal', '2 customers: Adoption content (case studies, testimonials, tutorials)'],
        ['how many customers do we have?', 'groupChat', PORTFOLIO],
        ['Teams usage', 'personal', 'Teams usage: 12 customers'],
        ['show OneDrive adoption by customer', 'channel', 'SharePoint with OneDrive usage: 10 customers'],
        ['viva engage', 'personal', 'Yammer usage: 1 customer'],
        ['ok, thank you so much', 'channel', "You're welcome."],
        ['thanks, bye', 'personal', "You're welcome."],
        ['bye', 'groupChat', "You're welcome."],
        ['what is an entitlement?', 'personal', 'How the numbers are counted'],
        ['what is a trial', 'channel', 'How the numbers are counted'],
        ['export to Excel', 'personal', 'Exports are made on the command line.'],
        ['can I download a csv?', 'channel', 'Exports are made on the command line.'],
        ['sync now', 'personal', 'Data: 12 customers, newest from 2026-11-25'],
        // Said the way partners say them.
        ['how is Exchange doing across customers?', 'personal', 'Exchange usage: 12 customers'],
        ['customers not using OneDrive', 'channel', '2 customers with SharePoint with OneDrive usage below 50%'],
        ['where should I focus?', 'personal', '9 customers to act on'],
        ['what needs my attention?', 'groupChat', '9 customers to act on'],
        ['what should I focus on this week?', 'channel', '9 customers to act on'],
        ['customers with open tickets', 'personal', '1 customer: Training and self-support'],
        ['training opportunities', 'channel', '1 customer: Training and self-support'],
        ['upsell candidates', 'personal', '4 customers: Training courses (upsell)'],
        ['which customers can I upsell?', 'groupChat', '4 customers: Training courses (upsell)'],
        ['customers ready for more seats', 'personal', '4 customers: Training courses (upsell)'],
        ['how are we doing?', 'personal', PORTFOLIO],
        ['how is my portfolio', 'channel', PORTFOLIO],
        ['give me a summary', 'personal', PORTFOLIO],
        ['show Dynamics customers', 'personal', 'Dynamics usage: 1 customer'],
        ['rank customers by usage', 'channel', 'Usage: 12 customers'],
        ['sort by deployment', 'personal', 'Deployment: 12 customers'],
        ['compare all customers', 'personal', PORTFOLIO],
        ['who has deployment problems?', 'personal', '1 customer with deployment below 60%'],
        ["who isn't deploying licenses?", 'groupChat', '1 customer with deployment below 60%'],
        ['which customers have adoption issues', 'personal', '2 customers with low adoption'],
        // The number said low is the one listed, whatever else is said.
        ['customers with low usage and high deployment', 'groupChat', '2 customers with usage below 50%'],
        ['whose adoption is low?', 'channel', '2 customers with low adoption'],
        ["which customers' Teams usage is low?", 'groupChat', '2 customers with Teams usage below 50%'],
        ['whose data is old?', 'personal', '1 customer: Old data'],
        ["which customers' data is out of date?", 'channel', '1 customer: Old data'],
        ['who was not synced recently?', 'groupChat', '1 customer: Old data'],
        ['start', 'personal', 'Here is what I can do'],
        ['how many licenses are unused?', 'groupChat', '12 customers with unassigned licenses'],
        ['training candidates', 'personal', '1 customer: Training and self-support'],
        ['who should get case studies?', 'channel', '2 customers: Adoption content (case studies, testimonials, tutorials)'],
        ["who hasn't synced?", 'personal', 'Data: 12 customers, newest from 2026-11-25'],
        ['sync errors', 'channel', 'Data: 12 customers, newest from 2026-11-25'],
        ['ok', 'personal', "You're welcome."],
        ['got it', 'groupChat', "You're welcome."],
        // Here: the card in this conversation, not a share to the channels that follow it.
        ['share Contoso here', 'channel', CONTOSO],
        ["post Fabrikam's card in this chat", 'groupChat', 'Fabrikam Inc: deployment 40%, usage 37.5%'],
        // A count of licenses, never a percent: Fabrikam has 60 unassigned, Fourth Coffee 25.
        ['which customers have more than 50 unassigned licenses?', 'personal', '1 customer with more than 50 unassigned licenses'],
        ['who has over 20 idle seats', 'channel', '2 customers with more than 20 unassigned licenses'],
        ['customers with more than 100 unused licenses', 'personal', 'No customer has more than 100 unassigned licenses'],
        [
          'Teams usage for Contoso',
          'personal',
          'Contoso Ltd: Teams usage 94.7% (270 of 285 entitlements active) in the last 28 days, ▲ up 2.1 pts in 7 days (since 2026-11-18).',
        ],
        ['compare Contoso with last month', 'groupChat', CONTOSO],
        ["what's the total number of seats?", 'personal', PORTFOLIO],
        // What to do about one customer: its explanations, then what to do and why.
        ['what should I do with Fabrikam?', 'personal', 'Fabrikam Inc: why the numbers look like this'],
        ["how can I improve Coho's usage?", 'channel', 'Coho Winery: why the numbers look like this'],
        ['recommendations for Fabrikam', 'groupChat', 'Fabrikam Inc: why the numbers look like this'],
        ['why is Fabrikam low?', 'personal', 'Fabrikam Inc: why the numbers look like this'],
        ['who uses Yammer more than licensed?', 'personal', '1 customer: Yammer used beyond its licenses'],
        ['which customers have trials ending?', 'channel', '1 customer has a trial ending in the next 90 days'],
        // Where the data comes from and how more gets in: the data status says both.
        ['how do I import data?', 'personal', 'Data: 12 customers, newest from 2026-11-25'],
        ['can you connect to Partner Center?', 'groupChat', 'Data: 12 customers, newest from 2026-11-25'],
        ['average deployment across customers', 'channel', PORTFOLIO],
        // So many of a ranking, and "how many customers use" a workload or have a product.
        ['top 3 customers by usage', 'channel', 'Usage: the highest 3 of 12 customers'],
        ['bottom 5 by deployment', 'personal', 'Deployment: the lowest 5 of 12 customers'],
        // A ranking of some customers, and the first so many of a "most" list.
        ['list E3 customers by usage', 'personal', 'Usage: 7 customers with E3'],
        ['top 2 E3 customers by deployment', 'channel', 'Deployment: the highest 2 of 7 customers with E3'],
        ['top 3 by unused licenses', 'groupChat', 'The 3 customers with the most unassigned licenses, of 12 with any'],
        ['the 2 customers with the most inactive users', 'personal', 'The 2 customers with the most inactive entitlements, of 11 with any'],
        ['top 2 accounts by support tickets', 'channel', '1 customer with service requests in the last 30 days'],
        // Full deployment is a number (every license assigned); near it, the upsell advice.
        ['which customers are fully deployed?', 'personal', 'No customer has deployment at least 100%'],
        ['who has 100% deployment', 'channel', 'No customer has deployment at least 100%'],
        ['who is close to full deployment?', 'groupChat', '4 customers: Training courses (upsell)'],
        ["who's running out of licenses?", 'personal', '4 customers: Training courses (upsell)'],
        ['upsell list', 'channel', '4 customers: Training courses (upsell)'],
        ["who hasn't deployed their licenses?", 'personal', '1 customer with deployment below 60%'],
        ['E5 candidates', 'groupChat', '4 customers: Training courses (upsell)'],
        ['cross-sell opportunities', 'personal', '4 customers: Training courses (upsell)'],
        ['which customers should we upsell E5 to?', 'channel', '4 customers: Training courses (upsell)'],
        // Onboarding is assigning the licenses sold.
        ['who needs onboarding?', 'personal', '1 customer with deployment below 60%'],
        ['which customers need onboarding help?', 'groupChat', '1 customer with deployment below 60%'],
        ["who's got trials?", 'groupChat', '1 customer: Trial subscription'],
        ['customers with more than 12 unassigned E3 licenses', 'channel', '2 customers with more than 12 unassigned E3 licenses'],
        ['top 2 by inactive E3 users', 'personal', 'The 2 customers with the most inactive E3 entitlements, of 5 with any'],
        ['unused E7 licenses', 'groupChat', 'No customer has a product named like "E7".'],
        // The average as the line: of the number named, or both; of the customers asked about.
        ['customers below average usage', 'personal', "6 customers with usage below 82.6% (the portfolio's average)"],
        [
          'which customers are above average?',
          'channel',
          "3 customers with deployment above 83.8% and usage above 82.6% (the portfolio's averages)",
        ],
        [
          'who is below the portfolio average?',
          'groupChat',
          "9 customers with deployment below 83.8% or usage below 82.6% (the portfolio's averages)",
        ],
        [
          'E3 customers with below-average Teams usage',
          'personal',
          '3 customers with Teams usage below 86.6% (their average), among 7 customers with E3',
        ],
        [
          'how many customers are below average?',
          'channel',
          "9 customers with deployment below 83.8% or usage below 82.6% (the portfolio's averages)",
        ],
        // Ranges said as "from ... to ..." or with a dash.
        ['customers from 70% to 80% usage', 'personal', '3 customers with usage at least 70% and at most 80%'],
        ['Teams usage 30-50%', 'groupChat', '1 customer with Teams usage at least 30% and at most 50%'],
        // Renewals, the data's age and one customer's troubles said other ways.
        ['who has renewals coming up?', 'personal', '2 customers renew or end a trial in the next 90 days'],
        ['how many renewals in December?', 'channel', '2 customers renew or end a trial in December (2026-12-01 to 2026-12-31)'],
        ["what's wrong with Fabrikam?", 'groupChat', 'Fabrikam Inc: why the numbers look like this'],
        ['when did we last sync?', 'personal', 'Data: 12 customers, newest from 2026-11-25'],
        // The one, and a product's numbers asked around it.
        ['who is the worst customer?', 'personal', 'The worst of 12 customers'],
        ['number of customers', 'channel', PORTFOLIO],
        ['which is our biggest customer?', 'groupChat', 'The largest of 12 customers by licenses sold'],
        ['biggest E3 customers', 'personal', '7 customers by E3 licenses sold'],
        ['who bought the most E3?', 'channel', '7 customers by E3 licenses sold'],
        ['top 2 Business Premium customers by seats', 'groupChat', 'The 2 largest of 5 customers by Business Premium licenses sold'],
        ['which customer has the most Teams users?', 'personal', 'Teams usage: 12 customers'],
        // A seat count beside a product counts that product's licenses: Fourth Coffee has 170 in all, 150 of Business Premium.
        [
          'Business Premium customers with more than 140 seats below 90%',
          'channel',
          '1 customer below 90%, among 1 customer with more than 140 Business Premium licenses sold',
        ],
        [
          'Business Premium customers with more than 160 seats below 90%',
          'groupChat',
          'No customer has a product named like "Business Premium" and more than 160 Business Premium licenses sold.',
        ],
        ['who is our best customer?', 'personal', 'The best of 12 customers'],
        ["what's the lowest usage?", 'channel', '2 customers with usage below 50%'],
        ['what percentage of E3 licenses are assigned?', 'personal', '7 customers with E3'],
        ['how many customers do we have with E3?', 'groupChat', '7 customers with E3'],
        ['usage for E3 customers', 'channel', '7 customers with E3'],
        ['average Teams usage for E3 customers', 'personal', 'Teams usage: 7 customers with E3'],
        // A workload before "for" a product; a plan "for business" is one product's name.
        ['Yammer for E3 customers', 'channel', 'Yammer usage: 1 customer, among 7 customers with E3'],
        [
          'Microsoft 365 Apps for business customers',
          'groupChat',
          'No customer has a product named like "Microsoft 365 Apps for business".',
        ],
        ['the unused E3 licenses', 'groupChat', '7 customers with unassigned E3 licenses'],
        // Products named together, and a bound right after a product.
        ['customers with E3 or Business Premium', 'personal', '12 customers with E3 or Business Premium'],
        [
          'customers with E3 and Business Premium below 80%',
          'channel',
          '5 customers below 80%, among 12 customers with E3 or Business Premium',
        ],
        ['customers with E3 below 50%', 'groupChat', '1 customer below 50%, among 7 customers with E3'],
        ['who has E3 with usage below 80%', 'personal', '2 customers with usage below 80%, among 7 customers with E3'],
        // "the deployment rate" is the number; "deployment rate" alone, what it means.
        ["what's our deployment rate?", 'personal', PORTFOLIO],
        ['what is the usage rate', 'groupChat', PORTFOLIO],
        ['deployment rate for Contoso', 'groupChat', CONTOSO],
        ['customers by usage', 'groupChat', 'Usage: 12 customers'],
        ['lowest 3 by yammer usage', 'groupChat', 'Yammer usage: 1 customer'],
        ['best 2 customers by adoption', 'personal', 'The best 2 of 12 customers'],
        ['which customers are healthy?', 'channel', '12 customers, best first'],
        ['how many customers are at risk?', 'groupChat', '2 customers with low adoption'],
        ['who is below the threshold?', 'personal', '2 customers with low adoption'],
        ['customers under threshold', 'channel', '2 customers with low adoption'],
        ['worst deployment', 'groupChat', '1 customer with deployment below 60%'],
        ['who has the worst Teams usage?', 'personal', '2 customers with Teams usage below 50%'],
        ['how many customers use Teams?', 'personal', 'Teams usage: 12 customers'],
        ['how many customers have E3?', 'channel', '7 customers with E3'],
        ['any alerts?', 'personal', 'Alerts are off here.'],
        ['customers not synced in a week', 'groupChat', 'Data: 12 customers, newest from 2026-11-25'],
        ["what's the average Teams usage?", 'personal', 'Teams usage: 12 customers'],
        // A span of time is never a percent: "over 3 months" is not "above 3%".
        ["show me Contoso's trend over 3 months", 'personal', CONTOSO],
        ['what can I ask?', 'personal', 'Here is what I can do'],
        ['how do I use this?', 'groupChat', 'Here is what I can do'],
        ['which customers might not renew?', 'personal', '1 customer has a subscription ending without auto-renew in the next 90 days'],
        ['who will renew?', 'channel', '2 customers renew or end a trial in the next 90 days'],
        // How far a move went, never a percent: Coho's usage fell 7 points, Fabrikam's 6.5.
        ['who dropped more than 5%', 'personal', '2 customers went down by more than 5 points'],
        ['customers that dropped by more than 6.5 points', 'groupChat', '1 customer went down by more than 6.5 points'],
        ['who improved over 10 points this month', 'channel', 'No customer went up by more than 10 points'],
        // One number's move: Fabrikam's deployment fell 1 point, its usage 6.5 and Coho's 7.
        ['usage fell more than 5 points', 'personal', '2 customers whose usage went down by more than 5 points'],
        ['whose deployment dropped this week?', 'groupChat', '1 customer whose deployment went down'],
        ['who dropped in deployment by more than 1 point', 'channel', "No customer's deployment went down by more than 1 point"],
        // A workload's move: the demo's history keeps each workload's usage (Coho's Teams fell 6.5 points, Fabrikam's 6.1).
        ['has Teams usage gone down?', 'groupChat', '2 customers whose Teams usage went down'],
        ['who dropped in Teams usage by more than 6.2 points', 'channel', '1 customer whose Teams usage went down by more than 6.2 points'],
        // Red, amber, green: under the thresholds, close above them, above them; worries and churn are the low ones.
        ['red accounts', 'personal', '2 customers with low adoption'],
        ['customers I should worry about', 'channel', '2 customers with low adoption'],
        ["what's our churn risk?", 'groupChat', '2 customers with low adoption'],
        ['green customers', 'personal', '10 customers with deployment at least 60% and usage at least 50% (the thresholds)'],
        ['which customers are amber?', 'channel', 'No customer is within 10 points above the thresholds (deployment 60%, usage 50%).'],
        ['how healthy is our portfolio?', 'groupChat', PORTFOLIO],
        ['which customers need a QBR?', 'personal', '9 customers to act on'],
        ['what now?', 'channel', '9 customers to act on'],
        // "who are my worst 3 ...": a ranking of so many; "the most licenses but low usage": the largest first.
        ['who are my worst 3 customers by Teams usage?', 'channel', 'Teams usage: the lowest 3 of 12 customers'],
        ['which customers have the most licenses but low usage?', 'personal', '2 customers with usage below 50%, the largest first'],
        // Short forms, with the straight or the typographic apostrophe phones type.
        ["who's low?", 'channel', '2 customers with low adoption'],
        ['which customers are in trouble?', 'personal', '2 customers with low adoption'],
        ['what’s our deployment?', 'groupChat', PORTFOLIO],
        ['what is our usage', 'personal', PORTFOLIO],
        ["who's got the most licenses?", 'channel', '12 customers by licenses sold'],
        ["what's renewing soon", 'personal', '2 customers renew or end a trial in the next 90 days'],
        ['who’s due for renewal next month?', 'groupChat', '2 customers renew or end a trial in December (2026-12-01 to 2026-12-31)'],
        ['what’s wrong with Fabrikam?', 'personal', 'Fabrikam Inc: why the numbers look like this'],
        // Licenses said as money wasted, users as signing in, seats as what to buy, data by where it comes from.
        ['who is wasting licenses?', 'personal', '12 customers with unassigned licenses'],
        ["which customers pay for licenses they don't use?", 'channel', '12 customers with unassigned licenses'],
        ['who should reduce licenses?', 'groupChat', '12 customers with unassigned licenses'],
        ["which customers haven't logged in?", 'personal', '11 customers with inactive entitlements'],
        ['who has users that never sign in?', 'channel', '11 customers with inactive entitlements'],
        ['who should buy more licenses?', 'groupChat', '4 customers: Training courses (upsell)'],
        ['where does this data come from?', 'personal', 'Data: 12 customers, newest from 2026-11-25'],
        ['what are your sources?', 'channel', 'Data: 12 customers, newest from 2026-11-25'],
        // A list's next rows typed where no list was shown; "why?" alone: how the numbers are counted.
        ['more', 'personal', 'No list to continue here.'],
        ['next page', 'channel', 'No list to continue here.'],
        ['show me the rest', 'groupChat', 'No list to continue here.'],
        ['why?', 'personal', 'How the numbers are counted'],
        // Whether the portfolio is getting better, as its customers' moves.
        ['is adoption improving?', 'personal', '8 customers went up'],
        ['are things getting worse?', 'channel', '2 customers went down'],
        ['how has usage changed?', 'groupChat', '10 customers whose usage moved'],
        ['Teams usage over time', 'personal', '9 customers whose Teams usage moved'],
        // Ready for more: the upsell; subscriptions by their state.
        ['who is ready for Copilot?', 'personal', '4 customers: Training courses (upsell)'],
        ['who should upgrade to E5?', 'channel', '4 customers: Training courses (upsell)'],
        ['which subscriptions are in grace period?', 'groupChat', '1 customer with subscriptions needing attention'],
        // Counted: the portfolio's licenses, the customers low in one number.
        ['how many licenses are assigned?', 'personal', PORTFOLIO],
        ['how many licenses are active?', 'channel', PORTFOLIO],
        ['number of customers with low usage', 'groupChat', '2 customers with usage below 50%'],
        // What of one customer was asked, answered above its card.
        [
          "what's Contoso's Exchange usage?",
          'personal',
          'Contoso Ltd: Exchange usage 91.2% (260 of 285 entitlements active) in the last 28 days, ▲ up 2 pts in 7 days (since 2026-11-18).',
        ],
        [
          'is Fabrikam using SharePoint?',
          'channel',
          'Fabrikam Inc: SharePoint with OneDrive usage 22.5% (9 of 40 entitlements active) in the last 28 days, ▼ down 3.9 pts in 7 days (since 2026-11-18), under the 50% usage threshold.',
        ],
        [
          'Teams at Fabrikam',
          'groupChat',
          'Fabrikam Inc: Teams usage 35% (14 of 40 entitlements active) in the last 28 days, ▼ down 6.1 pts in 7 days (since 2026-11-18), under the 50% usage threshold.',
        ],
        [
          'how many Teams users does Contoso have?',
          'personal',
          'Contoso Ltd: Teams usage 94.7% (270 of 285 entitlements active) in the last 28 days, ▲ up 2.1 pts in 7 days (since 2026-11-18).',
        ],
        ['does Contoso use Yammer?', 'personal', 'Contoso Ltd: No Yammer figures in the cache: no entitlements to it and no activity.'],
        [
          'Adventure Works Yammer usage',
          'channel',
          'Adventure Works: Yammer usage 175% (70 of 40 entitlements active) in the last 28 days, ▲ up 5.3 pts in 7 days (since 2026-11-18), above 100%: see why below.',
        ],
        ['when does Woodgrove renew?', 'personal', 'Woodgrove Bank: Renewal: Office 365 E3: 100 seats renew 2026-12-25, in 30 days.'],
        [
          "when does Tailspin's trial end?",
          'groupChat',
          'Tailspin Toys: Trial end: Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on) · Term end: Microsoft 365 Business Premium: 20 seats end 2027-01-29, in 65 days (auto-renew off).',
        ],
        [
          'Contoso renewal date',
          'personal',
          'Contoso Ltd: No renewal dates in the cache: they come with its subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported for it.',
        ],
        [
          'how many seats does Contoso have?',
          'channel',
          'Contoso Ltd: 300 OFFICE 365 ENTERPRISE E3 licenses sold: 285 assigned (deployment 95%), 15 unassigned.',
        ],
        [
          'Fabrikam licenses',
          'personal',
          'Fabrikam Inc: 100 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 40 assigned (deployment 40%), 60 unassigned.',
        ],
        [
          'how many E3 licenses does Contoso have?',
          'groupChat',
          'Contoso Ltd: OFFICE 365 ENTERPRISE E3: 285 of 300 licenses assigned (deployment 95%), 15 unassigned; usage 89% (761 of 855 entitlements active): Exchange 91.2%, SharePoint with OneDrive 81.1%, Teams 94.7%.',
        ],
        [
          'Visio licenses at Contoso',
          'personal',
          'Contoso Ltd: No product named like "Visio" here: its products are OFFICE 365 ENTERPRISE E3.',
        ],
        [
          'how many unused licenses does Fabrikam have?',
          'channel',
          'Fabrikam Inc: 100 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 40 assigned (deployment 40%), 60 unassigned.',
        ],
        // "Teams at risk" is no customer's Teams.
        ['Teams at risk', 'personal', 'I didn\'t get "Teams at risk".'],
        // Expiring, ending, due: the renewals (were a customer or product named "expiring").
        ['which customers have expiring subscriptions?', 'personal', '2 customers renew or end a trial in the next 90 days'],
        ['expiring licenses', 'channel', '2 customers renew or end a trial in the next 90 days'],
        ['customers with subscriptions expiring in the next 30 days', 'groupChat', '2 customers renew or end a trial in the next 30 days'],
        [
          'which customers have subscriptions that expire in December?',
          'personal',
          '2 customers renew or end a trial in December (2026-12-01 to 2026-12-31)',
        ],
        ['anything expiring?', 'channel', '2 customers renew or end a trial in the next 90 days'],
        ['licenses about to expire', 'personal', '2 customers renew or end a trial in the next 90 days'],
        ['subscriptions due for renewal', 'groupChat', '2 customers renew or end a trial in the next 90 days'],
        ["what's ending this quarter?", 'personal', '2 customers renew or end a trial in the next 36 days, to the end of Q4'],
        // The median customer is on the portfolio card and under a number's ranking.
        ['median deployment', 'personal', PORTFOLIO],
        ['what does a typical customer look like?', 'channel', PORTFOLIO],
        ['median Teams usage', 'groupChat', 'Teams usage: 12 customers'],
        // Low or not, and support requests, of one customer: answered above its card.
        [
          'is Fabrikam low?',
          'personal',
          'Fabrikam Inc: Low adoption: deployment 40% is under the 60% threshold, and usage 37.5% is under the 50% threshold.',
        ],
        [
          'is Contoso below the threshold?',
          'channel',
          'Contoso Ltd: Not low: deployment 95% (low under 60%), usage 89% (low under 50%); deployment at or above 90% is an upsell opportunity.',
        ],
        ['how healthy is Coho?', 'groupChat', 'Coho Winery: Low adoption: usage 31% is under the 50% threshold.'],
        [
          "Litware's open tickets",
          'personal',
          'Litware Inc: 5 service requests in the last 30 days (3 still open), 3 or more: training and self-support are suggested.',
        ],
        [
          'how many support tickets does Contoso have?',
          'channel',
          "Contoso Ltd: No service requests in the cache: it opened none, or Partner Center's service requests have not been synced or imported.",
        ],
        ['is anyone low?', 'groupChat', '2 customers with low adoption'],
        ['any customers with low adoption?', 'personal', '2 customers with low adoption'],
        ['is our portfolio healthy?', 'channel', PORTFOLIO],
        ['Fabrikam next steps', 'groupChat', 'Fabrikam Inc: why the numbers look like this'],
        ["Coho's action plan", 'personal', 'Coho Winery: why the numbers look like this'],
        // How old one customer's data is; whether it has a product; what it bought.
        [
          'when did Contoso last sync?',
          'personal',
          'Contoso Ltd: Fresh: the newest data is from today (2026-11-25, Partner Center analytics); data older than 7 days is flagged.',
        ],
        [
          "is Proseware's data up to date?",
          'channel',
          'Proseware: The newest data is 21 days old (2026-11-04). Microsoft Graph reports lag about 48 hours, so anything older than 7 days means the export or sync stopped: refresh it before acting on these numbers.',
        ],
        ['does Contoso have E5?', 'groupChat', 'Contoso Ltd: No product named like "E5" here: its products are OFFICE 365 ENTERPRISE E3.'],
        [
          'does Tailspin have Teams Premium?',
          'personal',
          'Tailspin Toys: No product named like "Teams Premium" here: its products are MICROSOFT 365 BUSINESS PREMIUM; its subscriptions include Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on).',
        ],
        [
          'what products does Tailspin have?',
          'channel',
          'Tailspin Toys: 25 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 20 assigned (deployment 80%), 5 unassigned.',
        ],
        [
          'does Litware have any support tickets?',
          'groupChat',
          'Litware Inc: 5 service requests in the last 30 days (3 still open), 3 or more: training and self-support are suggested.',
        ],
        ['does anyone have E5?', 'personal', 'No customer has a product named like "E5".'],
        ["which customers haven't synced?", 'channel', 'Data: 12 customers, newest from 2026-11-25'],
        ["who hasn't been updated recently?", 'groupChat', '1 customer: Old data'],
        // Exports, links and shares said other ways.
        ['download csv', 'personal', 'Exports are made on the command line.'],
        ['give me a csv of low adoption', 'channel', 'Exports are made on the command line.'],
        ['email me the report', 'groupChat', 'Exports are made on the command line.'],
        ['which customers are linked?', 'personal', 'No channel follows a customer yet.'],
        ['post Fabrikam to the Fabrikam channel', 'channel', 'Fabrikam Inc: deployment 40%, usage 37.5%'],
        // How one customer moved, over the span said (a week unless said).
        [
          'how has Fabrikam changed since last month?',
          'personal',
          'Fabrikam Inc: Since 2026-10-21 (35 days): deployment ▼ down 5 pts to 40%, usage ▼ down 11.6 pts to 37.5%. Exchange ▼ 17 pts · SharePoint with OneDrive ▼ 7 pts · Teams ▼ 10.8 pts.',
        ],
        [
          'is Coho improving?',
          'channel',
          'Coho Winery: Since 2026-11-18 (7 days): deployment unchanged at 93.3%, usage ▼ down 7 pts to 31%. Exchange ▼ 9.7 pts · SharePoint with OneDrive ▼ 4.9 pts · Teams ▼ 6.5 pts.',
        ],
        [
          'did Fabrikam drop this week?',
          'groupChat',
          'Fabrikam Inc: Since 2026-11-18 (7 days): deployment ▼ down 1 pt to 40%, usage ▼ down 6.5 pts to 37.5%. Exchange ▼ 9.5 pts · SharePoint with OneDrive ▼ 3.9 pts · Teams ▼ 6.1 pts.',
        ],
        [
          'Contoso trend',
          'personal',
          'Contoso Ltd: Since 2026-11-18 (7 days): deployment ▲ up 2 pts to 95%, usage ▲ up 2 pts to 89%. Exchange ▲ 2 pts · SharePoint with OneDrive ▲ 1.9 pts · Teams ▲ 2.1 pts.',
        ],
        ['did we drop?', 'channel', '2 customers went down'],
        ['did usage drop?', 'groupChat', '2 customers whose usage went down'],
        // One customer's workloads, least used first; whether it is ready for more.
        [
          'which workloads does Fabrikam use?',
          'personal',
          'Fabrikam Inc: By usage, least used first: SharePoint with OneDrive 22.5% (9 of 40 active), Teams 35% (14 of 40 active), Exchange 55% (22 of 40 active); 2 under the 50% usage threshold.',
        ],
        [
          'what does Contoso use the least?',
          'channel',
          'Contoso Ltd: By usage, least used first: SharePoint with OneDrive 81.1% (231 of 285 active), Exchange 91.2% (260 of 285 active), Teams 94.7% (270 of 285 active).',
        ],
        [
          'can I upsell Contoso?',
          'groupChat',
          'Contoso Ltd: Ready: deployment 95% is at or above the 90% upsell level; talk about more seats or a higher plan, with training courses.',
        ],
        [
          'is Tailspin ready for E5?',
          'personal',
          'Tailspin Toys: Not yet: deployment 80% is under the 90% upsell level, with 5 unassigned; help it assign those first.',
        ],
        [
          'is Coho an upsell candidate?',
          'channel',
          'Coho Winery: Not yet: deployment 93.3% is at or above the 90% upsell level, but usage 31% is under 50%: offer training courses first, or more seats will sit idle too.',
        ],
        // People with a license and active entitlements (entitlements are per person and workload).
        [
          'how many users does Fabrikam have?',
          'personal',
          'Fabrikam Inc: 40 people have a license (of 100 sold); of their 120 workload entitlements, 45 were active in the last 28 days (usage 37.5%), 75 not.',
        ],
        [
          'Fabrikam active users',
          'channel',
          'Fabrikam Inc: 40 people have a license (of 100 sold); of their 120 workload entitlements, 45 were active in the last 28 days (usage 37.5%), 75 not.',
        ],
        [
          'how big is Contoso?',
          'groupChat',
          'Contoso Ltd: 285 people have a license (of 300 sold); of their 855 workload entitlements, 761 were active in the last 28 days (usage 89%), 94 not.',
        ],
        // A customer's licenses, said with "unused" or as a share (were a product named "Fabrikam's").
        [
          "what percentage of Fabrikam's licenses are assigned?",
          'personal',
          'Fabrikam Inc: 100 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 40 assigned (deployment 40%), 60 unassigned.',
        ],
        [
          "how many of Fabrikam's licenses are unused?",
          'channel',
          'Fabrikam Inc: 100 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 40 assigned (deployment 40%), 60 unassigned.',
        ],
        [
          'Fabrikam unused licenses',
          'groupChat',
          'Fabrikam Inc: 100 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 40 assigned (deployment 40%), 60 unassigned.',
        ],
        [
          'unused licenses at Fabrikam',
          'personal',
          'Fabrikam Inc: 100 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 40 assigned (deployment 40%), 60 unassigned.',
        ],
        // One customer's subscriptions needing attention, and its trials; usage above 100% said in words.
        ['which subscriptions are in grace period at Woodgrove?', 'personal', 'Woodgrove Bank: Office 365 E3: 20 seats suspended.'],
        [
          'Contoso grace period',
          'channel',
          'Contoso Ltd: No subscription states in the cache: they come with its subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported for it.',
        ],
        [
          'does Tailspin have a trial?',
          'groupChat',
          'Tailspin Toys: Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on).',
        ],
        [
          'Contoso trials',
          'personal',
          'Contoso Ltd: No trials in the cache: they come with its subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported for it.',
        ],
        // Problems and issues, of one customer or of all; a summary; who stopped using a workload.
        ['does Litware have problems?', 'personal', 'Litware Inc: why the numbers look like this'],
        ["what are Coho's problems?", 'channel', 'Coho Winery: why the numbers look like this'],
        ['which customers have issues?', 'groupChat', '9 customers to act on'],
        ['give me a quick summary', 'personal', 'Portfolio: 12 customers, deployment 83.8%, usage 82.6%'],
        ['tldr', 'channel', 'Portfolio: 12 customers, deployment 83.8%, usage 82.6%'],
        ['percentage of customers with low adoption', 'groupChat', '2 customers with low adoption'],
        ['who stopped using Teams?', 'personal', '2 customers whose Teams usage went down'],
        // Files to bring in are the data status; one's role, with no roles set, is admin.
        ['can I upload a file?', 'personal', 'Data: 12 customers, newest from 2026-11-25'],
        ['where do I put the exported files?', 'channel', 'Data: 12 customers, newest from 2026-11-25'],
        ['am I an admin?', 'groupChat', "You are one of the bot's admins."],
        // Trials: one customer's end, and the ones to convert.
        [
          'trial end for Tailspin',
          'personal',
          'Tailspin Toys: Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on).',
        ],
        [
          "how many days until Tailspin's trial ends?",
          'channel',
          'Tailspin Toys: Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on).',
        ],
        ['who should convert their trial?', 'groupChat', '1 customer has a trial ending in the next 90 days'],
        // Users of a workload over the portfolio; the largest by users; nearly low.
        ['how many active users do we have in Teams?', 'personal', 'Teams usage: 12 customers'],
        ['Teams active users across customers', 'channel', 'Teams usage: 12 customers'],
        ['biggest customers by users', 'groupChat', '12 customers by licenses sold'],
        ['Exchange adoption rate', 'channel', 'Exchange usage: 12 customers'],
        ['who is almost low?', 'personal', 'No customer is within 10 points above the thresholds (deployment 60%, usage 50%).'],
        // One customer against the median customer (deployment 84.3%, usage 82.2%).
        [
          'how does Contoso compare to other customers?',
          'personal',
          "Contoso Ltd: Deployment 95% against the median customer's 84.3%, usage 89% against the median customer's 82.2%: above the typical customer on both.",
        ],
        [
          'is Fabrikam below average?',
          'channel',
          "Fabrikam Inc: Deployment 40% against the median customer's 84.3%, usage 37.5% against the median customer's 82.2%: below the typical customer on both.",
        ],
        [
          'compare Coho to the median',
          'groupChat',
          "Coho Winery: Deployment 93.3% against the median customer's 84.3%, usage 31% against the median customer's 82.2%: above the typical customer on deployment, below it on usage.",
        ],
        // "Utilization" is deployment; a number "by customer" is the customers by it.
        ['license utilization by customer', 'personal', 'Deployment: 12 customers'],
        ['who has low utilization?', 'channel', '1 customer with deployment below 60%'],
        ['seat utilization for Contoso', 'groupChat', 'Contoso Ltd: deployment 95%, usage 89%'],
        ['usage by customer', 'personal', 'Usage: 12 customers'],
        ['adoption by customer', 'channel', 'Portfolio: 12 customers, deployment 83.8%, usage 82.6%'],
        ['unused licenses per customer', 'groupChat', '12 customers with unassigned licenses'],
        ['customers by unused licenses', 'personal', '12 customers with unassigned licenses'],
        ['customers by support tickets', 'channel', '1 customer with service requests in the last 30 days'],
        [
          'how many licenses are unused at Contoso?',
          'groupChat',
          'Contoso Ltd: 300 OFFICE 365 ENTERPRISE E3 licenses sold: 285 assigned (deployment 95%), 15 unassigned.',
        ],
        // Who to call, who might leave, what is wasted.
        ['which customers should I call this week?', 'personal', '9 customers to act on'],
        ['who might churn?', 'channel', '2 customers with low adoption'],
        ['will Coho churn?', 'groupChat', 'Coho Winery: Low adoption: usage 31% is under the 50% threshold.'],
        ['how much money are we wasting?', 'personal', '12 customers with unassigned licenses'],
        // Since when it is a customer and what it bought last, from its subscriptions' creation dates.
        [
          'when did Tailspin become a customer?',
          'personal',
          'Tailspin Toys: A customer since at least 2026-01-29, when its first subscription in the cache (Microsoft 365 Business Premium) was created; the newest: Microsoft Teams Premium Trial, 5 seats, 2026-11-10, 15 days ago.',
        ],
        [
          'how long has Woodgrove been a customer?',
          'channel',
          'Woodgrove Bank: A customer since at least 2026-01-29, when its first subscription in the cache (Office 365 E3) was created.',
        ],
        [
          'what did Tailspin buy recently?',
          'groupChat',
          'Tailspin Toys: A customer since at least 2026-01-29, when its first subscription in the cache (Microsoft 365 Business Premium) was created; the newest: Microsoft Teams Premium Trial, 5 seats, 2026-11-10, 15 days ago.',
        ],
        [
          'Fabrikam purchase history',
          'personal',
          'Fabrikam Inc: No subscription dates in the cache: they come with its subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported for it.',
        ],
        ['new customers', 'channel', 'No customer is new in the last 30 days.'],
        ['recent purchases', 'groupChat', '1 customer with a new subscription in the last 30 days'],
        ['bottom 3', 'personal', 'The worst 3 of 12 customers'],
        ["which customers use Yammer more than they're licensed for?", 'channel', '1 customer: Yammer used beyond its licenses'],
        ['who has more active users than licenses?', 'groupChat', '1 customer with usage above 100%'],
        // The portfolio as a whole; words that name no customer are no customer's question.
        ['is everything ok?', 'personal', PORTFOLIO],
        ['are we ok?', 'channel', PORTFOLIO],
        ['is it ok?', 'groupChat', 'I didn\'t get "is it ok".'],
        // A workload's trend without "usage"; the sync's history is the data status.
        ['Teams trend', 'channel', '9 customers whose Teams usage moved'],
        ['OneDrive over time', 'personal', '8 customers whose SharePoint with OneDrive usage moved'],
        ['history', 'groupChat', '10 customers moved'],
        ['sync history', 'personal', 'Data: 12 customers, newest from 2026-11-25'],
        // A product or workload beside the customer's name: its line above the card.
        [
          'E3 at Contoso',
          'personal',
          'Contoso Ltd: OFFICE 365 ENTERPRISE E3: 285 of 300 licenses assigned (deployment 95%), 15 unassigned; usage 89% (761 of 855 entitlements active): Exchange 91.2%, SharePoint with OneDrive 81.1%, Teams 94.7%.',
        ],
        [
          'Business Premium at Fabrikam',
          'channel',
          'Fabrikam Inc: MICROSOFT 365 BUSINESS PREMIUM: 40 of 100 licenses assigned (deployment 40%), 60 unassigned; usage 37.5% (45 of 120 entitlements active): Exchange 55%, SharePoint with OneDrive 22.5%, Teams 35%.',
        ],
        [
          "Contoso's E3",
          'groupChat',
          'Contoso Ltd: OFFICE 365 ENTERPRISE E3: 285 of 300 licenses assigned (deployment 95%), 15 unassigned; usage 89% (761 of 855 entitlements active): Exchange 91.2%, SharePoint with OneDrive 81.1%, Teams 94.7%.',
        ],
        [
          'how is E3 doing at Contoso?',
          'personal',
          'Contoso Ltd: OFFICE 365 ENTERPRISE E3: 285 of 300 licenses assigned (deployment 95%), 15 unassigned; usage 89% (761 of 855 entitlements active): Exchange 91.2%, SharePoint with OneDrive 81.1%, Teams 94.7%.',
        ],
        ['E3 at Fabrikam', 'groupChat', 'Fabrikam Inc: No product named like "E3" here: its products are MICROSOFT 365 BUSINESS PREMIUM.'],
        ['Contoso numbers please', 'personal', 'Contoso Ltd: deployment 95%, usage 89%'],
        // Said other ways: trials, counts ranked with "top", a day's moves, what is at risk, totals.
        ['who has expiring trials?', 'personal', '1 customer has a trial ending in the next 90 days'],
        ['top customers by unused licenses', 'channel', '12 customers with unassigned licenses'],
        ['show me the top customers by support tickets', 'groupChat', '1 customer with service requests in the last 30 days'],
        ['what changed since yesterday?', 'personal', '10 customers moved'],
        ['who dropped overnight?', 'channel', '2 customers went down'],
        ['revenue at risk', 'groupChat', '1 customer has a renewal at risk in the next 90 days'],
        ['how much is at risk?', 'personal', '1 customer has a renewal at risk in the next 90 days'],
        ['how many licenses do we sell in total?', 'channel', PORTFOLIO],
        // The suggested actions said other ways.
        ['which customers have too many support calls?', 'personal', '1 customer: Training and self-support'],
        ['who has a lot of tickets?', 'channel', '1 customer: Training and self-support'],
        ['who should get tutorial videos?', 'groupChat', '2 customers: Adoption content (case studies, testimonials, tutorials)'],
        ['who needs success stories?', 'personal', '2 customers: Adoption content (case studies, testimonials, tutorials)'],
        ['which customer is closest to 100% deployment?', 'channel', '4 customers: Training courses (upsell)'],
        // One customer's trials and support said other ways.
        [
          "what's Tailspin's trial status?",
          'groupChat',
          'Tailspin Toys: Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on).',
        ],
        [
          "how is Litware's support load?",
          'personal',
          'Litware Inc: 5 service requests in the last 30 days (3 still open), 3 or more: training and self-support are suggested.',
        ],
        [
          'what is the support load at Litware?',
          'channel',
          'Litware Inc: 5 service requests in the last 30 days (3 still open), 3 or more: training and self-support are suggested.',
        ],
        // Neither a customer nor a product: both said, with the products the cache holds.
        ['Copilot adoption', 'channel', 'No customer or product matches "Copilot".'],
        // Wishes before what is asked.
        ['let me see the portfolio', 'groupChat', PORTFOLIO],
        ["I'd like to see low adoption", 'personal', '2 customers with low adoption'],
        ['show everything', 'channel', PORTFOLIO],
        // Size said other ways; seats and users of a product or workload.
        ['customers sorted by seats', 'personal', '12 customers by licenses sold'],
        ['which big customers have low usage?', 'channel', '2 customers with usage below 50%, the largest first'],
        ['E3 seats', 'groupChat', '7 customers with E3'],
        ['unused seats', 'personal', '2 customers: Adoption content (case studies, testimonials, tutorials)'],
        ['Teams users', 'channel', 'Teams usage: 12 customers'],
        // A workload named last, without "usage".
        ['who improved the most in Teams?', 'personal', '7 customers whose Teams usage went up'],
        ['how many users are inactive?', 'channel', '11 customers with inactive entitlements'],
        ['customers with more than 80 inactive users', 'groupChat', '3 customers with more than 80 inactive entitlements'],
        // The same lists asked for the whole portfolio.
        ['total unassigned licenses', 'personal', '12 customers with unassigned licenses'],
        ['how many seats are unused across all customers?', 'channel', '12 customers with unassigned licenses'],
        ['customers with free seats', 'groupChat', '12 customers with unassigned licenses'],
        ['how many users are inactive in total?', 'personal', '11 customers with inactive entitlements'],
        ['customers with inactive users', 'channel', '11 customers with inactive entitlements'],
        // Support load: Litware's 5 service requests in the last 30 days; a count of requests is never a percent.
        [
          'which customers have more than 3 support requests?',
          'personal',
          '1 customer with more than 3 service requests in the last 30 days',
        ],
        ['who has the most support tickets?', 'channel', '1 customer with service requests in the last 30 days'],
        ['customers with over 5 tickets', 'groupChat', 'No customer has more than 5 service requests in the last 30 days'],
        ['suspended subscriptions', 'personal', '1 customer with subscriptions needing attention'],
        ['who has subscriptions in grace period?', 'channel', '1 customer with subscriptions needing attention'],
        ['any billing problems?', 'groupChat', '1 customer with subscriptions needing attention'],
        ['who has a suspended subscription?', 'personal', '1 customer with subscriptions needing attention'],
        ['any customers in grace period?', 'channel', '1 customer with subscriptions needing attention'],
        ['how many E3 licenses are unassigned?', 'personal', '7 customers with E3'],
        // Only usage reads above 100%: Adventure Works' 107.2%, whose deployment is 87.5%.
        ['who is over 100%?', 'channel', '1 customer with usage above 100%'],
        // A product's name where a customer's would be: its customers, with its licenses and usage summed.
        ['Business Premium usage', 'personal', '5 customers with Business Premium'],
        ['E3 adoption', 'groupChat', '7 customers with E3'],
        ["what's the average deployment for E3 customers?", 'channel', '7 customers with E3'],
        ['show me the worst 5', 'personal', 'The worst 5 of 12 customers'],
        ['weakest customers', 'groupChat', PORTFOLIO],
        ["what's my portfolio's usage?", 'channel', PORTFOLIO],
        ['percentage of licenses assigned', 'groupChat', PORTFOLIO],
        ['customers sorted by unassigned licenses', 'personal', '12 customers with unassigned licenses'],
        ['sort by inactive users', 'channel', '11 customers with inactive entitlements'],
        ['which customers should I upsell?', 'personal', '4 customers: Training courses (upsell)'],
        ['who can I upsell to?', 'groupChat', '4 customers: Training courses (upsell)'],
        ['unused E3 licenses', 'groupChat', '7 customers with unassigned E3 licenses'],
        // More licenses than users: those not assigned; than active users: those not used.
        ['who has more licenses than users?', 'personal', '12 customers with unassigned licenses'],
        ['customers with more E3 licenses than users', 'channel', '7 customers with unassigned E3 licenses'],
        ['who has more licenses than active users?', 'groupChat', '11 customers with inactive entitlements'],
        // Unused licenses counted over the portfolio are the unassigned ones (bare, they are the advice).
        ["what's the total number of unused licenses?", 'personal', '12 customers with unassigned licenses'],
        ['how many unused seats are there?', 'channel', '12 customers with unassigned licenses'],
        ['how many inactive users are there?', 'groupChat', '11 customers with inactive entitlements'],
        // A share of the customers: the low ones, counted; a flag or action, counted.
        ['what percentage of customers are low?', 'channel', '2 customers with low adoption'],
        ['number of customers at risk', 'groupChat', '2 customers with low adoption'],
        ['how many customers have trials?', 'personal', '1 customer: Trial subscription'],
        ['count of customers with old data', 'channel', '1 customer: Old data'],
        // Customers "on" a product; a workload by a short name; people using one; active users over all.
        [
          'customers on Business Premium with low Teams usage',
          'personal',
          '1 customer with Teams usage below 50%, among 5 customers with Business Premium',
        ],
        ['Skype usage', 'channel', 'No customer has Skype for Business usage figures yet'],
        ['Office apps usage', 'groupChat', 'No customer has Microsoft 365 Apps usage figures yet'],
        ['how many people use Teams?', 'groupChat', 'Teams usage: 12 customers'],
        ['how many users are active?', 'personal', PORTFOLIO],
        ['total active users', 'channel', PORTFOLIO],
        // Who a suggested action is for.
        ['who should I offer training to?', 'personal', '4 customers: Training courses (upsell)'],
        ['who should we send case studies to?', 'channel', '2 customers: Adoption content (case studies, testimonials, tutorials)'],
        ['which customers should I promote self-support to?', 'groupChat', '1 customer: Training and self-support'],
        // Support requests and open ones counted; subscriptions in grace period.
        ['how many support tickets are open?', 'channel', '1 customer with service requests in the last 30 days'],
        ['who called support the most this month?', 'groupChat', '1 customer with service requests in the last 30 days'],
        ['show customers with grace period subscriptions', 'personal', '1 customer with subscriptions needing attention'],
        // Not used lately: that workload's usage under the threshold.
        ["which customers haven't used Teams in the last month?", 'personal', '2 customers with Teams usage below 50%'],
        // High, good, strong: the highest first (the order is asserted with the rankings); "High Tech" would be a name.
        ['high Teams usage', 'personal', 'Teams usage: 12 customers'],
        ['customers with strong deployment', 'channel', 'Deployment: 12 customers'],
        ['which customers have high adoption?', 'groupChat', '12 customers, best first'],
        // Whole counts said with the count itself included (Contoso has 300 seats, Litware 5 requests, Fabrikam 60 unassigned).
        ['customers with at least 300 seats', 'personal', '1 customer with at least 300 licenses sold'],
        ['customers with 301 or more licenses', 'channel', 'No customer with at least 301 licenses sold'],
        ['customers with at most 25 seats', 'groupChat', '1 customer with at most 25 licenses sold'],
        ['who has at least 5 support requests?', 'personal', '1 customer with at least 5 service requests in the last 30 days'],
        ['customers with 60 or more unassigned licenses', 'channel', '1 customer with at least 60 unassigned licenses'],
        ['customers with at least 61 unused licenses', 'groupChat', 'No customer has at least 61 unassigned licenses'],
        // Greetings, the portfolio and upsell said other ways.
        ['hello there', 'personal', 'Here is what I can do'],
        ['what tenants do we manage?', 'channel', '12 customers, A to Z'],
        ['what percentage of licenses are assigned?', 'personal', PORTFOLIO],
        ['where can I upsell?', 'groupChat', '4 customers: Training courses (upsell)'],
        ['who could buy more licenses?', 'personal', '4 customers: Training courses (upsell)'],
        // Numbers spelled out where something is counted; a name keeps its words.
        ['below forty percent', 'personal', '2 customers below 40%'],
        ['which customers use less than half their licenses?', 'groupChat', '2 customers with usage below 50%'],
        ['top three customers by usage', 'channel', 'Usage: the highest 3 of 12 customers'],
        ['who has over twenty idle seats', 'personal', '2 customers with more than 20 unassigned licenses'],
        ['renewals in the next thirty days', 'groupChat', '2 customers renew or end a trial in the next 30 days'],
        ['Fourth Coffee', 'channel', 'Fourth Coffee: deployment 85.3%, usage 78.3%'],
        ['portfolio Yammer adoption', 'channel', 'Yammer usage: 1 customer'],
        ['do we have alerts set up?', 'channel', 'Alerts are off here.'],
        ["what's my alert threshold?", 'personal', 'Alerts are off here.'],
        // A customer's name where a product was looked for: its card.
        ['who owns Contoso?', 'personal', CONTOSO],
        // Names said together, compared; one word that is no customer's name, a command mistyped.
        ['Contoso and Fabrikam', 'channel', 'Contoso Ltd vs Fabrikam Inc: deployment 95% vs 40%, usage 89% vs 37.5%'],
        ['how are Contoso and Fabrikam doing?', 'groupChat', 'Contoso Ltd vs Fabrikam Inc: deployment 95% vs 40%, usage 89% vs 37.5%'],
        ['difference between Fabrikam and Contoso', 'personal', 'Fabrikam Inc vs Contoso Ltd: deployment 40% vs 95%, usage 37.5% vs 89%'],
        ['which is better, Contoso or Fabrikam?', 'channel', 'Contoso Ltd vs Fabrikam Inc: deployment 95% vs 40%, usage 89% vs 37.5%'],
        ['portfollio', 'personal', PORTFOLIO],
        ['hlep', 'channel', 'Here is what I can do'],
        ['exprot', 'groupChat', 'Exports are made on the command line.'],
        ['to do list', 'personal', '9 customers to act on'],
        ['show me the to-do list for this week', 'groupChat', '9 customers to act on'],
        ['what needs attention?', 'channel', '9 customers to act on'],
      ];
      for (const [text, scope, summary] of asked) {
        const sent = await h.say(text, { scope });
        expect(sent.at(-1)!.activity['summary'], text).to.equal(summary);
      }
    });

    it('reads the text as Teams sends it: entities decoded, non-breaking spaces and other tags as plain text', async () => {
      const asked: [string, Scope, string][] = [
        ['&nbsp;adoption for Contoso', 'channel', 'Contoso Ltd: deployment 95%, usage 89%'],
        ['how is <span>Fabrikam</span>&nbsp;doing?', 'groupChat', 'Fabrikam Inc: deployment 40%, usage 37.5%'],
        ['usage below 50% &amp; deployment above 80%', 'personal', '1 customer with usage below 50% and deployment above 80%'],
        ['which customers are &lt;40%?', 'personal', '2 customers below 40%'],
      ];
      for (const [text, scope, summary] of asked) {
        const sent = await h.say(text, { scope });
        expect(sent.at(-1)!.activity['summary'], text).to.equal(summary);
      }
    });

    it("says why one customer's numbers look as they do: its explanations, or that there are none, and what to do", async () => {
      const adventure = await h.say("Why is Adventure Works' usage above 100%?");
      expect(textsOf(cardOf(adventure[0]))).to.deep.equal([
        'Adventure Works: why the numbers look like this',
        'Deployment 87.5% (70 of 80 licenses assigned), usage 107.2% (193 of 180 entitlements active), data as of 2026-11-25.',
        'Yammer used beyond its licenses: Yammer: 70 people used it in the last 28 days but only 40 hold a Yammer license; Yammer is reachable without one, so its usage reads above what licenses allow.',
      ]);
      expect(buttonsOf(cardOf(adventure[0]))).to.deep.equal([
        { title: 'Open Adventure Works', verb: 'customer', data: { key: '00000006-0000-4000-8000-c0ffee000006' } },
        { title: 'Show portfolio', verb: 'portfolio', data: {} },
        { title: 'Help', verb: 'help', data: {} },
      ]);
      expect(cardProblems(cardOf(adventure[0]))).to.deep.equal([]);
      const tailspin = cardOf((await h.say('why is usage over 100% for tailspin', { scope: 'channel' }))[0]);
      expect(textsOf(tailspin)[2]).to.equal(
        "Trial subscription: Microsoft Teams Premium Trial is a trial (5 seats, ending 2026-12-10): its users' activity counts toward usage but its licenses are not entitlements, so usage can read high.",
      );
      expect(textsOf(cardOf((await h.say("why is Coho's usage so low?"))[0])).slice(1)).to.deep.equal([
        'Deployment 93.3% (42 of 45 licenses assigned), usage 31% (39 of 126 entitlements active), data as of 2026-11-25.',
        'Nothing in the data makes these numbers odd: no license moved to a new employee, no second or trial subscription, no Yammer beyond its licenses, and the data is at most 7 days old. They are the counts as they stand.',
        'What to do (usage 31% is below 50%): Show people what the licenses they already have can do for them.',
        'What to do (deployment 93.3% is at or above 90%): Nearly every license is in use: offer training courses, and talk about more seats or a higher plan.',
      ]);
      expect((await h.say('explain woodgrove'))[0]!.activity['summary']).to.equal('Woodgrove Bank: why the numbers look like this');
      // No one customer named: the general answer.
      expect((await h.say('why is usage over 100% for some customers?'))[0]!.activity['summary']).to.equal('How the numbers are counted');
      expect((await h.say('why are my numbers wrong?'))[0]!.activity['summary']).to.equal('How the numbers are counted');
    });

    it('answers "what should I do?" with the customers to act on, the most urgent first, each with why', async () => {
      const [reply] = await h.say('What should I do this week?');
      const card = cardOf(reply);
      const texts = textsOf(card);
      expect(texts.slice(0, 3)).to.deep.equal([
        '9 customers to act on',
        'Most urgent first: low adoption (adoption content), then many support requests (training and self-support), then subscriptions needing attention (renew or reactivate them), then upsell (training courses), then trials ending within 30 days (convert them); old data last, to refresh before acting.',
        'Customer (most urgent first)',
      ]);
      const rows = texts.slice(5);
      expect(rows.filter((_, i) => i % 4 === 0)).to.deep.equal([...DEMO_TO_ACT_ON]);
      expect(rows.filter((_, i) => i % 4 === 1)).to.deep.equal([
        'Adoption content: usage 31% is below 50% · Training courses (upsell): deployment 93.3% is at or above 90%',
        'Adoption content: usage 37.5% is below 50%; deployment 40% is below 60% (60 of 100 licenses unassigned)',
        'Training and self-support: 5 service requests in the last 30 days (3 still open); the threshold is 3',
        // Its suspended subscription, and the term of the live one ending before it is dealt with.
        'Needs attention: Office 365 E3: 20 seats suspended · Renewal: Office 365 E3, 100 seats on 2026-12-25',
        'Training courses (upsell): deployment 94.3% is at or above 90%',
        'Training courses (upsell): deployment 95% is at or above 90%',
        'Training courses (upsell): deployment 90.9% is at or above 90%',
        'Trial end: Microsoft Teams Premium Trial, 5 seats on 2026-12-10',
        'Old data: 21 days old',
      ]);
      expect(buttonsOf(card).filter((b) => b.verb === 'customer')[0]).to.deep.equal({
        title: 'Open',
        verb: 'customer',
        data: { key: COHO },
      });
      expect(cardProblems(card)).to.deep.equal([]);
      for (const text of ['who should I call first?', 'which customers need attention', 'next steps', 'priorities']) {
        expect((await h.say(text, { scope: 'groupChat' }))[0]!.activity['summary'], text).to.equal('9 customers to act on');
      }
    });

    it("lists the customers who bought a product named so, each with that product's licenses, or names the products there are", async () => {
      const [reply] = await h.say('Who bought E3?');
      const card = cardOf(reply);
      const texts = textsOf(card);
      expect(texts.slice(0, 6)).to.deep.equal([
        '7 customers with E3',
        "Products whose name has every word asked; the sums above are those products', the deployment and usage beside each customer its own, over all its products.",
        // "how many E3 licenses have we sold?", "how many are unassigned?": the sums over those products.
        'Licenses (E3): 610 of 675 assigned (90.4%), 65 unassigned',
        // "E3 usage": active of entitled over those products' workloads (Wingtip's and Northwind's other products left out).
        'Usage (E3): 86.8% (1,451 of 1,671 entitlements active)',
        // Deployment 75, 83.3, 87.5, 90.9, 93.3, 94.3, 95; usage 31, 75, 89, 91.3, 92, 107.2 (Wingtip's SPE_E3 counts
        // no entitlements): the middle two's mean, 90.15, half up.
        'Median customer (E3): deployment 90.9%, usage 90.2%',
        'Customer (worst first)',
      ]);
      const rows = texts.slice(8);
      expect(rows.filter((_, i) => i % 4 < 2)).to.deep.equal([
        ...['Coho Winery', 'OFFICE 365 ENTERPRISE E3: 42 of 45 assigned (93.3%)'],
        ...['Proseware', 'OFFICE 365 ENTERPRISE E3: 30 of 40 assigned (75%)'],
        ...['Wingtip Toys', 'SPE_E3: 33 of 35 assigned (94.3%)'],
        ...['Woodgrove Bank', 'OFFICE 365 ENTERPRISE E3: 100 of 120 assigned (83.3%)'],
        ...['Adventure Works', 'OFFICE 365 ENTERPRISE E3: 70 of 80 assigned (87.5%)'],
        ...['Contoso Ltd', 'OFFICE 365 ENTERPRISE E3: 285 of 300 assigned (95%)'],
        ...['Northwind Traders', 'OFFICE 365 ENTERPRISE E3: 50 of 55 assigned (90.9%)'],
      ]);
      expect(cardProblems(card)).to.deep.equal([]);
      const none = cardOf((await h.say('which customers have E5 licenses?'))[0]);
      expect(textsOf(none)).to.deep.equal([
        'No customer has a product named like "E5".',
        'Products in the cache: DYNAMICS 365 SALES ENTERPRISE, MICROSOFT 365 BUSINESS PREMIUM, Microsoft 365 users, OFFICE 365 ENTERPRISE E3, SPE_E3.',
      ]);
      expect((await h.say('customers with business premium'))[0]!.activity['summary']).to.equal('5 customers with business premium');
    });

    it('lists every product over the customers, the most licenses sold first, with its customers, licenses and usage', async () => {
      const card = cardOf((await h.say('which products do we sell?'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const e3 = 'OFFICE 365 ENTERPRISE E3: 6 customers, 577 of 640 assigned (90.2%), usage 86.8% (1,451 of 1,671 active)';
      const premium = 'MICROSOFT 365 BUSINESS PREMIUM: 5 customers, 278 of 385 assigned (72.2%), usage 74.2% (619 of 834 active)';
      const spe = 'SPE_E3: 1 customer, 33 of 35 assigned (94.3%)';
      const dynamics = 'DYNAMICS 365 SALES ENTERPRISE: 1 customer, 17 of 20 assigned (85%), usage 76.5% (13 of 17 active)';
      const users = 'Microsoft 365 users: 2 customers, no license counts, usage 81.6% (84 of 103 active)';
      expect(textsOf(card)).to.deep.equal([
        '5 products across 12 customers',
        ...[e3, premium, spe, dynamics, users],
        'The most licenses sold first. Ask "who bought <product>?" for its customers.',
      ]);
      for (const asked of ['list products', 'what products do my customers have?', 'top products', 'what is our best selling product?'])
        expect((await h.say(asked))[0]!.activity['summary'], asked).to.equal('5 products across 12 customers');
      // By one number: the product to run an adoption campaign for, those without the number last.
      const lowest = cardOf((await h.say('which product has the lowest usage?'))[0]);
      expect(cardProblems(lowest)).to.deep.equal([]);
      expect(textsOf(lowest)).to.deep.equal([
        '5 products across 12 customers, lowest usage first',
        ...[premium, dynamics, users, e3, spe],
        'The lowest usage first (sum over sum over the customers with the product); products without usage figures last. Ask "who bought <product>?" for its customers.',
      ]);
      expect(textsOf(cardOf((await h.say('which products are most deployed?'))[0])).slice(0, 6)).to.deep.equal([
        '5 products across 12 customers, highest deployment first',
        ...[spe, e3, dynamics, premium, users],
      ]);
      for (const [asked, summary] of [
        ['usage by product', '5 products across 12 customers, lowest usage first'],
        ['which product is doing best?', '5 products across 12 customers, highest usage first'],
        ['products by deployment', '5 products across 12 customers, lowest deployment first'],
      ] as const)
        expect((await h.say(asked))[0]!.activity['summary'], asked).to.equal(summary);
      expect((await h.say('how many E3 licenses have we sold?'))[0]!.activity['summary']).to.equal('7 customers with E3');
      // Products compared: each summed over the customers with a product named so (E3 is two products here).
      const compared = cardOf((await h.say('compare E3 and Business Premium'))[0]);
      expect(cardProblems(compared)).to.deep.equal([]);
      expect(textsOf(compared)).to.deep.equal([
        'E3 vs Business Premium',
        'E3: 7 customers, 610 of 675 assigned (90.4%), usage 86.8% (1,451 of 1,671 active)',
        'Business Premium: 5 customers, 278 of 385 assigned (72.2%), usage 74.2% (619 of 834 active)',
        'Each summed over the customers with a product named so. Ask "who bought <product>?" for its customers.',
      ]);
      expect((await h.say('E3 vs Business Premium'))[0]!.activity['summary']).to.equal('E3 vs Business Premium');
    });

    it('lists every workload over the customers, the least used first, with how many customers are low in it', async () => {
      const card = cardOf((await h.say('which workload is least used?'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const sharePoint = 'SharePoint with OneDrive: usage 71.5% (566 of 792 active), 10 customers, 2 under 50%';
      const dynamics = 'Dynamics: usage 76.5% (13 of 17 active), 1 customer, 0 under 50%';
      const teams = 'Teams: usage 83% (737 of 888 active), 12 customers, 2 under 50%';
      const exchange = 'Exchange: usage 88% (781 of 888 active), 12 customers, 1 under 50%';
      const yammer = 'Yammer: usage 175% (70 of 40 active), 1 customer, 0 under 50%';
      expect(textsOf(card)).to.deep.equal([
        'Usage by workload across 12 customers, the lowest first',
        ...[sharePoint, dynamics, teams, exchange, yammer],
        "Each is active of entitled (last 28 days), summed over the customers whose data counts the workload's entitlements.",
        'Above 100%: more people were active than hold a license that includes it (Yammer used without one, licenses moved to new employees, trials); ask "why is <customer>\'s usage above 100%?" for one customer\'s reasons.',
        'The least used is SharePoint with OneDrive: ask "customers with low SharePoint with OneDrive usage" for the customers to start an adoption campaign with. The command line lists the same: adoption workloads',
      ]);
      expect(buttonsOf(card).map((b) => b.verb)).to.deep.equal(['low-adoption', 'portfolio', 'help']);
      expect(textsOf(cardOf((await h.say("what's the most used workload?"))[0])).slice(0, 6)).to.deep.equal([
        'Usage by workload across 12 customers, the highest first',
        ...[yammer, exchange, teams, dynamics, sharePoint],
      ]);
      for (const asked of ['usage by workload', 'workloads', 'how are the workloads doing?', 'least used workload'])
        expect((await h.say(asked))[0]!.activity['summary'], asked).to.equal('Usage by workload across 12 customers, the lowest first');
      // What the card says to ask next: the customers low in that workload.
      expect((await h.say('customers with low SharePoint with OneDrive usage'))[0]!.activity['summary']).to.equal(
        '2 customers with SharePoint with OneDrive usage below 50%',
      );
    });

    it('lists the customers without a product named so, or without a workload, the largest first, each with what it has', async () => {
      const [reply] = await h.say("Who doesn't have E3?");
      const card = cardOf(reply);
      const texts = textsOf(card);
      expect(texts.slice(0, 2)).to.deep.equal([
        '5 customers without E3',
        'No product whose name has every word asked. Each row says what the customer has: the largest first, to offer it to.',
      ]);
      expect(texts[2]).to.equal('Customer (most licenses first)');
      expect(texts.slice(5).filter((_, i) => i % 4 < 2)).to.deep.equal([
        ...[
          'Fourth Coffee',
          'MICROSOFT 365 BUSINESS PREMIUM: 128 of 150 assigned (85.3%) · DYNAMICS 365 SALES ENTERPRISE: 17 of 20 assigned (85%)',
        ],
        ...['Fabrikam Inc', 'MICROSOFT 365 BUSINESS PREMIUM: 40 of 100 assigned (40%)'],
        ...['Litware Inc', 'MICROSOFT 365 BUSINESS PREMIUM: 50 of 60 assigned (83.3%)'],
        ...['Alpine Ski House', 'MICROSOFT 365 BUSINESS PREMIUM: 40 of 50 assigned (80%)'],
        ...['Tailspin Toys', 'MICROSOFT 365 BUSINESS PREMIUM: 20 of 25 assigned (80%)'],
      ]);
      expect(cardProblems(card)).to.deep.equal([]);
      // A workload's name: no entitlement to it counted by any source.
      const sharePoint = textsOf(cardOf((await h.say('customers without SharePoint', { scope: 'channel' }))[0]));
      expect(sharePoint.slice(0, 2)).to.deep.equal([
        '2 customers without SharePoint with OneDrive',
        'No SharePoint with OneDrive entitlement counted by any source: no license that includes it, or no report that counts it. Each row says what the customer has: the largest first.',
      ]);
      expect(sharePoint.slice(5).filter((_, i) => i % 4 < 2)).to.deep.equal([
        ...['Adventure Works', 'Exchange, Teams, Yammer'],
        ...['Proseware', 'Exchange, Teams'],
      ]);
      for (const [text, title] of [
        ['who has no Yammer licenses?', '11 customers without Yammer'],
        ['which customers are not on Business Premium?', '7 customers without Business Premium'],
        ['customers with no Exchange', 'Every customer has Exchange entitlements'],
      ] as const) {
        expect(textsOf(cardOf((await h.say(text))[0]))[0], text).to.equal(title);
      }
      // Nobody has it: all are without it, and the products there are say what may have been meant.
      expect(textsOf(cardOf((await h.say("customers that don't have E5 yet"))[0]))).to.deep.equal([
        'No customer has a product named like "E5": all 12 customers are without it.',
        'Products in the cache: DYNAMICS 365 SALES ENTERPRISE, MICROSOFT 365 BUSINESS PREMIUM, Microsoft 365 users, OFFICE 365 ENTERPRISE E3, SPE_E3.',
      ]);
    });

    it('puts customers side by side, a column each, with every workload any of them has', async () => {
      const [reply] = await h.say('Coho vs Fabrikam vs Adventure Works');
      const card = cardOf(reply);
      expect(reply!.activity['summary']).to.equal(
        'Coho Winery vs Fabrikam Inc vs Adventure Works: deployment 93.3% vs 40% vs 87.5%, usage 31% vs 37.5% vs 107.2%',
      );
      expect(textsOf(card)).to.deep.equal([
        '3 customers side by side',
        'Usage: entitlements active in the last 28 days, over all products · changes over 7 days',
        ...['Coho Winery', 'Fabrikam Inc', 'Adventure Works'],
        ...['Deployment', '93.3%', '40%', '87.5%'],
        ...['Licenses assigned', '42 of 45', '40 of 100', '70 of 80'],
        ...['Usage', '31%', '37.5%', '107.2%'],
        ...['Entitlements active', '39 of 126', '45 of 120', '193 of 180'],
        ...['Exchange usage', '42.9%', '55%', '90%'],
        ...['SharePoint with OneDrive usage', '21.4%', '22.5%', '—'],
        ...['Teams usage', '28.6%', '35%', '85.7%'],
        ...['Yammer usage', '—', '—', '175%'],
        ...['Deployment change', 'unchanged', '▼ 1 pt', 'unchanged'],
        ...['Usage change', '▼ 7 pts', '▼ 6.5 pts', '▲ 3.2 pts'],
        ...['Licenses unassigned', '3', '60', '10'],
        ...['Data as of', '2026-11-25', '2026-11-25', '2026-11-25'],
        ...['Next renewal', '—', '—', '—'],
        ...['Why the numbers look odd', 'nothing', 'nothing', 'Yammer used beyond its licenses'],
        'What to do',
        'Adoption content; Training courses (upsell)',
        'Adoption content',
        'nothing now',
      ]);
      expect(elementOf(card, 'TextRun', (t) => t['text'] === '31%')['color']).to.equal('Attention');
      expect(buttonsOf(card)).to.deep.equal([
        { title: 'Open Coho Winery', verb: 'customer', data: { key: COHO } },
        { title: 'Open Fabrikam Inc', verb: 'customer', data: { key: FABRIKAM } },
        { title: 'Open Adventure Works', verb: 'customer', data: { key: '00000006-0000-4000-8000-c0ffee000006' } },
      ]);
      expect(cardProblems(card)).to.deep.equal([]);
      // One customer twice is one customer; a name that finds nobody is said so.
      expect((await h.say('compare contoso and Contoso Ltd'))[0]!.activity['summary']).to.equal(
        'Name between 2 and 5 different customers to compare.',
      );
      expect((await h.say('compare contoso and zzzz'))[0]!.activity['summary']).to.equal('No customer matches "zzzz".');
      // A name that finds several asks which, and each choice compares with that one.
      const choices = cardOf((await h.say('compare co and fabrikam'))[0]);
      expect(textsOf(choices).slice(0, 2)).to.deep.equal(['3 customers match "co"', 'Which one do you mean?']);
      expect(cardProblems(choices)).to.deep.equal([]);
      const compareWith = (key: string) => ({
        title: 'Compare',
        verb: 'compare',
        data: { customers: JSON.stringify([{ key }, { name: 'fabrikam' }]) },
      });
      expect(buttonsOf(choices)).to.deep.equal([compareWith(COHO), compareWith(FOURTH_COFFEE), compareWith(CONTOSO)]);
      const { body } = await h.invoke('compare', buttonsOf(choices)[0]!.data);
      expect(textsOf(body.value).slice(0, 4)).to.deep.equal([
        'Coho Winery vs Fabrikam Inc',
        textsOf(card)[1],
        'Coho Winery',
        'Fabrikam Inc',
      ]);
      // Renewals side by side: Woodgrove's Office 365 E3 in 30 days, Tailspin's trial ends in 15.
      const renewing = textsOf(cardOf((await h.say('compare woodgrove and tailspin'))[0]));
      const at = renewing.indexOf('Next renewal');
      expect(renewing.slice(at, at + 3)).to.deep.equal(['Next renewal', '2026-12-25 (100 seats)', '2026-12-10 (5-seat trial)']);
    });

    it('lists the customers whose subscriptions renew or trials end soon, the soonest first, each with its seats, date and usage', async () => {
      const card = cardOf((await h.say('who renews soon?'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const texts = textsOf(card);
      expect(texts[0]).to.equal('2 customers renew or end a trial in the next 90 days');
      expect(texts.slice(1, 7)).to.deep.equal([
        "Soonest first: live subscriptions whose term ends, and trials, from Partner Center (commitmentEndDate) or Graph. Before a renewal, low usage risks fewer seats (adoption content and training first); deployment near 100% is the moment to offer more; a trial's end is the moment to convert it.",
        ...['Subscriptions: 3 (1 trial)', 'Seats: 125', 'Customer (soonest first)', 'Deployment', 'Usage'],
      ]);
      expect(texts.slice(7)).to.deep.equal([
        'Tailspin Toys',
        'Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on) · Microsoft 365 Business Premium: 20 seats end 2027-01-29, in 65 days (auto-renew off)',
        '80%',
        '93.3%',
        'Woodgrove Bank',
        'Office 365 E3: 100 seats renew 2026-12-25, in 30 days',
        '83.3%',
        '92%',
      ]);
      // The suspended subscription is not a renewal; a shorter span leaves Tailspin's renewal out, and a
      // shorter one its trial too.
      const month = cardOf((await h.say('which subscriptions expire in the next 30 days?'))[0]);
      expect(textsOf(month)[0]).to.equal('2 customers renew or end a trial in the next 30 days');
      expect(textsOf(month).slice(2, 4)).to.deep.equal(['Subscriptions: 2 (1 trial)', 'Seats: 105']);
      expect(textsOf(month)[8]).to.equal('Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on)');
      expect((await h.say('renewals in the next 2 weeks'))[0]!.activity['summary']).to.equal('No subscription renews in the next 14 days');
      // "this month" runs to its end, "next month" is the whole of it.
      expect((await h.say('which subscriptions expire this month?'))[0]!.activity['summary']).to.equal(
        'No subscription renews in the next 5 days, to the end of November',
      );
      expect((await h.say('renewals next month'))[0]!.activity['summary']).to.equal(
        '2 customers renew or end a trial in December (2026-12-01 to 2026-12-31)',
      );
      // "in December" is that month; "by the end of" a month runs from today to its last day.
      expect((await h.say('who renews in December?'))[0]!.activity['summary']).to.equal(
        '2 customers renew or end a trial in December (2026-12-01 to 2026-12-31)',
      );
      expect((await h.say('renewals by the end of December'))[0]!.activity['summary']).to.equal(
        '2 customers renew or end a trial in the next 36 days, to the end of December',
      );
      expect((await h.say('renewals in January'))[0]!.activity['summary']).to.equal(
        '1 customer renews in January (2027-01-01 to 2027-01-31)',
      );
      const january = textsOf(cardOf((await h.say('how many seats renew by the end of January?'))[0]));
      expect(january.slice(0, 4)).to.deep.equal([
        '2 customers renew or end a trial in the next 67 days, to the end of January',
        january[1],
        'Subscriptions: 3 (1 trial)',
        'Seats: 125',
      ]);
      // Calendar quarters: "this quarter" to its end, "next quarter" and "in Q1" the whole of it.
      expect((await h.say('renewals this quarter'))[0]!.activity['summary']).to.equal(
        '2 customers renew or end a trial in the next 36 days, to the end of Q4',
      );
      for (const asked of ["who's up for renewal in Q1?", 'renewals next quarter', 'how many seats renew in the first quarter?']) {
        expect((await h.say(asked))[0]!.activity['summary'], asked).to.equal('1 customer renews in Q1 (2027-01-01 to 2027-03-31)');
      }
      // "before Q1": to the end of the quarter before it; "the next quarter" stays 90 days.
      expect((await h.say('renewals before Q1'))[0]!.activity['summary']).to.equal(
        '2 customers renew or end a trial in the next 36 days, to the end of Q4',
      );
      expect((await h.say('renewals in the next quarter'))[0]!.activity['summary']).to.equal(
        '2 customers renew or end a trial in the next 90 days',
      );
      // The customer's card says when it renews, under its products, and when its trial ends.
      const woodgrove = cardOf((await h.say('adoption for woodgrove'))[0]);
      expect(textsOf(woodgrove).filter((t) => t.startsWith('Renewal:'))).to.deep.equal([
        'Renewal: Office 365 E3: 100 seats renew 2026-12-25, in 30 days',
      ]);
      expect(cardProblems(woodgrove)).to.deep.equal([]);
      const tailspin = cardOf((await h.say('adoption for tailspin'))[0]);
      expect(textsOf(tailspin).filter((t) => /^(Renewal|Trial end|Term end):/.test(t))).to.deep.equal([
        'Trial end: Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on)',
        'Term end: Microsoft 365 Business Premium: 20 seats end 2027-01-29, in 65 days (auto-renew off)',
      ]);
    });

    it('lists the customers with a subscription set to lapse: auto-renew off, the seats go unless someone acts', async () => {
      for (const asked of ['who is not renewing?', 'which subscriptions will lapse?', 'auto-renew off', 'who turned off auto-renew?']) {
        const card = cardOf((await h.say(asked))[0]);
        expect(cardProblems(card), asked).to.deep.equal([]);
        expect(textsOf(card).slice(0, 1).concat(textsOf(card).slice(2)), asked).to.deep.equal([
          '1 customer has a subscription ending without auto-renew in the next 90 days',
          ...['Subscriptions: 1', 'Seats: 20', 'Customer (soonest first)', 'Deployment', 'Usage'],
          'Tailspin Toys',
          'Microsoft 365 Business Premium: 20 seats end 2027-01-29, in 65 days (auto-renew off)',
          '80%',
          '93.3%',
        ]);
      }
      expect((await h.say('which subscriptions will lapse this month?'))[0]!.activity['summary']).to.equal(
        'No subscription ends without auto-renew in the next 5 days, to the end of November',
      );
    });

    it('lists the renewals at risk: of customers under a threshold, and every one with auto-renew off', async () => {
      for (const asked of ['renewals at risk', 'which renewals are at risk?', 'at-risk renewals', 'who renews soon with low usage?']) {
        const card = cardOf((await h.say(asked))[0]);
        expect(cardProblems(card), asked).to.deep.equal([]);
        // Tailspin's trial ends with its numbers above the thresholds: only its term with auto-renew off is at risk.
        expect(textsOf(card).slice(0, 1).concat(textsOf(card).slice(2)), asked).to.deep.equal([
          '1 customer has a renewal at risk in the next 90 days',
          ...['Subscriptions: 1', 'Seats: 20', 'Customer (soonest first)', 'Deployment', 'Usage'],
          'Tailspin Toys',
          'Microsoft 365 Business Premium: 20 seats end 2027-01-29, in 65 days (auto-renew off)',
          '80%',
          '93.3%',
        ]);
      }
      expect((await h.say('renewals with low adoption in the next 30 days'))[0]!.activity['summary']).to.equal(
        'No renewal is at risk in the next 30 days',
      );
    });

    it('lists the customers whose trials end soon, the time to convert them', async () => {
      for (const asked of [
        'which trials end soon?',
        'trials ending next month',
        'expiring trials',
        'when do the trials end?',
        'trial conversions due',
      ]) {
        const card = cardOf((await h.say(asked))[0]);
        expect(cardProblems(card), asked).to.deep.equal([]);
        const texts = textsOf(card);
        expect(texts[0], asked).to.match(
          /^1 customer has a trial ending in (?:the next (?:30|90) days|December \(2026-12-01 to 2026-12-31\))$/,
        );
        expect(texts.slice(2), asked).to.deep.equal([
          ...['Subscriptions: 1 (1 trial)', 'Seats: 5', 'Customer (soonest first)', 'Deployment', 'Usage'],
          'Tailspin Toys',
          'Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on)',
          '80%',
          '93.3%',
        ]);
      }
      expect((await h.say('trials ending in the next 2 weeks'))[0]!.activity['summary']).to.equal('No trial ends in the next 14 days');
      // Trials alone are still the customers with the trial flag.
      expect((await h.say('customers with trials'))[0]!.activity['summary']).to.equal('1 customer: Trial subscription');
    });

    it('tells how fresh the data is, where it comes from and how it is synced', async () => {
      const [reply] = await h.say('when was the data last updated?');
      const card = cardOf(reply);
      expect(textsOf(card)).to.deep.equal([
        'Data: 12 customers, newest from 2026-11-25',
        'Oldest: Proseware, data as of 2026-11-04 (21 days old).',
        '1 customer has data older than 7 days: Proseware.',
        'From: Partner Center analytics (11 customers), Partner Center subscriptions (2 customers), Microsoft Graph active user detail (1 customer), Microsoft Graph services user counts (1 customer), Microsoft Graph subscribedSkus (1 customer), Partner Center service requests (1 customer).',
        'No scheduled sync: the data comes from files an admin sends the bot in a personal chat or imports with "adoption import", or from "adoption sync" run by hand.',
      ]);
      expect(buttonsOf(card)).to.deep.equal([
        { title: 'Show portfolio', verb: 'portfolio', data: {} },
        { title: 'Old data', verb: 'customers-with', data: { code: 'stale-data' } },
      ]);
      expect(cardProblems(card)).to.deep.equal([]);
      for (const text of ['sync status', 'is the data up to date?', 'how old is the data', 'last sync']) {
        expect((await h.say(text, { scope: 'channel' }))[0]!.activity['summary'], text).to.equal(
          'Data: 12 customers, newest from 2026-11-25',
        );
      }
    });

    it('lists customers below a percent, worst first, each with a button that opens its card', async () => {
      const [reply] = await h.say('which customers are below 40%?');
      const card = cardOf(reply);
      expect(textsOf(card).slice(0, 3)).to.deep.equal([
        '2 customers below 40%',
        'Deployment or usage under 40%',
        'Customer (lowest first)',
      ]);
      expect(buttonsOf(card).filter((b) => b.verb === 'customer')).to.deep.equal([
        { title: 'Open', verb: 'customer', data: { key: '0000000b-0000-4000-8000-c0ffee00000b' } },
        { title: 'Open', verb: 'customer', data: { key: '00000002-0000-4000-8000-c0ffee000002' } },
      ]);
      expect(textsOf(card).join(' | ')).to.include('Coho Winery | 93.3% | 31% | Fabrikam Inc | 40% | 37.5%');
      const low = cardOf((await h.say('low adoption'))[0]);
      // What "what percentage of customers are low?" asks is above the rows.
      expect(textsOf(low).slice(0, 3)).to.deep.equal([
        '2 customers with low adoption',
        'Deployment under 60% or usage under 50% (set by ADOPTION_DEPLOYMENT_LOW_PERCENT and ADOPTION_USAGE_LOW_PERCENT)',
        'Share: 2 of 12 customers (16.7%)',
      ]);
    });

    it('lists the best customers first, by the lower of their two numbers, as many as asked', async () => {
      const top = cardOf((await h.say('top 3'))[0]);
      expect(textsOf(top).slice(0, 3)).to.deep.equal([
        'The best 3 of 12 customers',
        'Ranked by the lower of deployment and usage: good candidates for case studies and user testimonials',
        'Customer (best first)',
      ]);
      expect(textsOf(top).filter((t) => /^(Northwind|Contoso|Adventure|Woodgrove)/.test(t))).to.deep.equal([
        'Northwind Traders',
        'Contoso Ltd',
        'Adventure Works',
      ]);
      expect(textsOf(cardOf((await h.say('who are my best customers?'))[0]))[0]).to.equal('12 customers, best first');
    });

    it('lists as many of the worst customers as asked, lowest first by the lower of their two numbers', async () => {
      const bottom = cardOf((await h.say('bottom 3'))[0]);
      expect(cardProblems(bottom)).to.deep.equal([]);
      expect(textsOf(bottom).slice(0, 3)).to.deep.equal([
        'The worst 3 of 12 customers',
        'Ranked by the lower of deployment and usage: the first to offer adoption content and training',
        'Customer (worst first)',
      ]);
      // Coho's usage (31%) is lower than Fabrikam's deployment (40%); Proseware's 75% both.
      expect(textsOf(bottom).filter((t) => /^(Coho|Fabrikam|Proseware|Alpine)/.test(t))).to.deep.equal([
        'Coho Winery',
        'Fabrikam Inc',
        'Proseware',
      ]);
      // Without a count: the portfolio, whose card is worst first with the totals.
      expect((await h.say('worst customers'))[0]!.activity['summary']).to.match(/^Portfolio: 12 customers/);
    });

    it('lists who bought lately from the subscriptions’ creation dates, and says when no customer is new', async () => {
      const bought = cardOf((await h.say('who bought something this month?'))[0]);
      expect(cardProblems(bought)).to.deep.equal([]);
      expect(textsOf(bought)).to.deep.equal([
        '1 customer with a new subscription in the last 30 days',
        'A subscription created in that time: a new product, more seats on a subscription of their own, or a trial. Its licenses may not be assigned yet.',
        'Customer (newest first)',
        'Deployment',
        'Usage',
        'Tailspin Toys',
        'Microsoft Teams Premium Trial, 5 seats, 2026-11-10',
        '80%',
        '93.3%',
      ]);
      // Tailspin's other subscriptions are from January, Woodgrove's too: nobody is new.
      const none = cardOf((await h.say('any new customers?'))[0]);
      expect(textsOf(none)).to.deep.equal([
        'No customer is new in the last 30 days.',
        'Told from the subscriptions of 2 of 12 customers: customers with no subscription in the cache are not counted.',
      ]);
      // Both became customers in January: within the last year.
      expect(textsOf(cardOf((await h.say('new customers in the last year'))[0]))[0]).to.equal('2 customers new in the last 365 days');
    });

    it('ranks the customers by one number, lowest first, or highest when asked for the highest', async () => {
      const highest = cardOf((await h.say('who has the highest usage?'))[0]);
      expect(cardProblems(highest)).to.deep.equal([]);
      const texts = textsOf(highest);
      expect(texts.slice(0, 4)).to.deep.equal([
        'Usage: 12 customers',
        'Usage: entitlements active in the last 28 days, all workloads. Customers with no usage figures are left out.',
        // The average asked for, sum over sum: the portfolio's usage; and the median customer's (81.6 and 82.7).
        'Usage over 12 customers: 82.6% (2,167 of 2,625 entitlements active) · median customer 82.2%',
        'Customer (highest first)',
      ]);
      expect(texts.slice(6, 10)).to.deep.equal([
        'Adventure Works',
        '107.2% (193 of 180 entitlements active) · yammer used beyond its licenses',
        '87.5%',
        '107.2%',
      ]);
      const lowest = textsOf(cardOf((await h.say('rank customers by deployment'))[0]));
      expect(lowest.slice(2, 4)).to.deep.equal([
        'Deployment over 12 customers: 83.8% (905 of 1,080 licenses assigned) · median customer 84.3%',
        'Customer (lowest first)',
      ]);
      expect(lowest[6]).to.equal('Fabrikam Inc');
      const teams = textsOf(cardOf((await h.say('best Teams usage'))[0]));
      expect([teams[0], teams[3]]).to.deep.equal(['Teams usage: 12 customers', 'Customer (highest first)']);
      // "high" names no bound: the highest first too.
      const high = textsOf(cardOf((await h.say('who has high usage?'))[0]));
      expect([high[0], high[3], high[6]]).to.deep.equal(['Usage: 12 customers', 'Customer (highest first)', 'Adventure Works']);
      // So many of them: the first three, highest first; the rest are not rows.
      const top = cardOf((await h.say('top 3 customers by usage'))[0]);
      expect(cardProblems(top)).to.deep.equal([]);
      const rows = buttonsOf(top).filter((b) => b.verb === 'customer');
      expect(rows.map((b) => b.data['key'])).to.deep.equal([
        '00000006-0000-4000-8000-c0ffee000006',
        '00000005-0000-4000-8000-c0ffee000005',
        '00000004-0000-4000-8000-c0ffee000004',
      ]);
    });

    it('ranks the customers with a product by one number, all of them or the first so many', async () => {
      const card = cardOf((await h.say('list E3 customers by usage'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const texts = textsOf(card);
      expect(texts.slice(0, 4)).to.deep.equal([
        'Usage: 7 customers with E3',
        'Usage: entitlements active in the last 28 days, all workloads. Customers with no usage figures are left out.',
        'Usage over 7 customers: 86.5% (1,535 of 1,774 entitlements active) · median customer 89%',
        'Customer (lowest first)',
      ]);
      // Only customers with E3, lowest usage first, each row with its usage counts.
      expect(texts.slice(6, 8)).to.deep.equal(['Coho Winery', '31% (39 of 126 entitlements active)']);
      expect(texts.filter((_, i) => i >= 6 && (i - 6) % 4 === 0)).to.deep.equal([
        'Coho Winery',
        'Proseware',
        'Wingtip Toys',
        'Contoso Ltd',
        'Northwind Traders',
        'Woodgrove Bank',
        'Adventure Works',
      ]);
      const top = textsOf(cardOf((await h.say('top 2 E3 customers by deployment'))[0]));
      expect(top.slice(0, 4)).to.deep.equal([
        'Deployment: the highest 2 of 7 customers with E3',
        'Deployment: licenses assigned of sold. Customers with no deployment figures are left out.',
        'Deployment over 7 customers: 90.4% (610 of 675 licenses assigned) · median customer 90.9%',
        'Customer (highest first)',
      ]);
      expect(top.slice(6)).to.deep.equal([
        'Contoso Ltd',
        '95% (285 of 300 licenses assigned)',
        '95%',
        '89%',
        'Wingtip Toys',
        '94.3% (33 of 35 licenses assigned)',
        '94.3%',
        '81.6%',
      ]);
    });

    it('lists the customers on one side of the average, the average computed over the customers asked about', async () => {
      const card = cardOf((await h.say('customers below average usage'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const texts = textsOf(card);
      expect(texts.slice(0, 2)).to.deep.equal([
        "6 customers with usage below 82.6% (the portfolio's average)",
        'Usage: entitlements active in the last 28 days, all workloads',
      ]);
      // 82.6% is 2,167 of 2,625 entitlements active over the twelve customers; the six under it, lowest first.
      expect(texts.filter((_, i) => i >= 5 && (i - 5) % 4 <= 1)).to.deep.equal([
        ...['Coho Winery', '31% (39 of 126 entitlements active)'],
        ...['Fabrikam Inc', '37.5% (45 of 120 entitlements active)'],
        ...['Proseware', '75% (45 of 60 entitlements active) · old data'],
        ...['Alpine Ski House', '77.5% (93 of 120 entitlements active)'],
        ...['Fourth Coffee', '78.3% (314 of 401 entitlements active)'],
        ...['Wingtip Toys', '81.6% (84 of 103 entitlements active)'],
      ]);
      // Of some customers, their own average: E3 customers' Teams usage.
      const e3 = textsOf(cardOf((await h.say('E3 customers with below-average Teams usage'))[0]));
      expect(e3[0]).to.equal('3 customers with Teams usage below 86.6% (their average), among 7 customers with E3');
    });

    it('lists the customers close to a threshold: at or above it by less than 10 points, or says nobody is', async () => {
      const card = cardOf((await h.say('who is close to the Exchange threshold?'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const texts = textsOf(card);
      expect(texts[0]).to.equal('1 customer with Exchange usage at least 50% and below 60% (within 10 points above the threshold)');
      // Fabrikam's Exchange usage, 55%, is under 60% and not under the 50% usage threshold.
      expect(texts.filter((_, i) => i >= 5 && (i - 5) % 4 <= 1)).to.deep.equal([
        'Fabrikam Inc',
        'Exchange 55% (22 of 40 entitlements active)',
      ]);
      const none = cardOf((await h.say('which customers are borderline?'))[0]);
      expect(textsOf(none)).to.deep.equal([
        'No customer is within 10 points above the thresholds (deployment 60%, usage 50%).',
        'The customers under them are the low adoption list.',
      ]);
      expect(buttonsOf(none).map((b) => b.verb)).to.deep.equal(['low-adoption', 'portfolio']);
    });

    it('lists the customers at or above the thresholds: those the low adoption list leaves out', async () => {
      const card = cardOf((await h.say('which customers are above the threshold?'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const texts = textsOf(card);
      expect(texts[0]).to.equal('10 customers with deployment at least 60% and usage at least 50% (the thresholds)');
      // Every customer but the two with low adoption, Coho Winery and Fabrikam.
      expect(texts.filter((_, i) => i >= 5 && (i - 5) % 4 === 0)).to.deep.equal([
        ...['Contoso Ltd', 'Wingtip Toys', 'Northwind Traders', 'Adventure Works', 'Fourth Coffee'],
        ...['Litware Inc', 'Woodgrove Bank', 'Alpine Ski House', 'Tailspin Toys', 'Proseware'],
      ]);
      const usage = textsOf(cardOf((await h.say('customers above the usage threshold'))[0]));
      expect(usage[0]).to.equal('10 customers with usage at least 50% (the threshold)');
      expect((await h.say('who is not low?'))[0]!.activity['summary']).to.equal(texts[0]);
    });

    it('lists the customers by licenses sold, the largest first, or those with more or fewer seats than asked', async () => {
      const card = cardOf((await h.say('biggest customers'))[0]);
      expect(cardProblems(card)).to.deep.equal([]);
      const texts = textsOf(card);
      expect(texts.slice(0, 3)).to.deep.equal([
        '12 customers by licenses sold',
        'Licenses sold: Partner Center deployment analytics or subscribed SKUs, or Graph subscribed SKUs. A customer known from usage reports alone has no count and is left out.',
        'Customer (most licenses first)',
      ]);
      expect(texts.slice(5, 13)).to.deep.equal([
        'Contoso Ltd',
        '285 of 300 licenses assigned · 761 of 855 entitlements active',
        '95%',
        '89%',
        'Fourth Coffee',
        '145 of 170 licenses assigned · 314 of 401 entitlements active',
        '85.3%',
        '78.3%',
      ]);
      const names = (list: string[]): string[] => list.slice(5).filter((_, i) => i % 4 === 0);
      const top = textsOf(cardOf((await h.say('top 3 customers by seats'))[0]));
      expect([top[0], ...names(top)]).to.deep.equal([
        'The 3 largest of 12 customers by licenses sold',
        'Contoso Ltd',
        'Fourth Coffee',
        'Woodgrove Bank',
      ]);
      // A count of seats is not a percent: "over 100 licenses" is not "above 100%".
      for (const asked of [
        'customers with more than 100 seats',
        'customers over 100 licenses',
        'which customers have more than 100 users?',
      ]) {
        const over = textsOf(cardOf((await h.say(asked))[0]));
        expect([over[0], ...names(over)], asked).to.deep.equal([
          '3 customers with more than 100 licenses sold',
          'Contoso Ltd',
          'Fourth Coffee',
          'Woodgrove Bank',
        ]);
      }
      expect((await h.say('customers with more than 1,000 seats'))[0]!.activity['summary']).to.equal(
        'No customer with more than 1,000 licenses sold',
      );
      const small = textsOf(cardOf((await h.say('who has fewer than 40 seats?'))[0]));
      expect([small[0], small[2], ...names(small)]).to.deep.equal([
        '2 customers with fewer than 40 licenses sold',
        'Customer (fewest licenses first)',
        'Tailspin Toys',
        'Wingtip Toys',
      ]);
      // Of one product: its licenses, and each row its counts (Fourth Coffee's 20 Dynamics licenses aside).
      const premium = textsOf(cardOf((await h.say('top 2 Business Premium customers by seats'))[0]));
      expect(premium.filter((_, i) => i >= 5 && (i - 5) % 4 <= 1)).to.deep.equal([
        'Fourth Coffee',
        '128 of 150 licenses assigned · 301 of 384 entitlements active',
        'Fabrikam Inc',
        '40 of 100 licenses assigned · 45 of 120 entitlements active',
      ]);
    });

    it('lists the customers with the most licenses sold and assigned to nobody, each with its idle counts', async () => {
      const card = cardOf((await h.say('who has the most unused licenses?'))[0]);
      const texts = textsOf(card);
      expect(texts.slice(0, 4)).to.deep.equal([
        '12 customers with unassigned licenses',
        'Licenses sold and assigned to nobody, the most first: roll them out with adoption content, or right-size them at renewal. Inactive: assigned, and not used in the last 28 days.',
        'Over 12 customers: 175 of 1,080 licenses unassigned',
        'Customer (most unassigned first)',
      ]);
      expect(texts.slice(6, 14)).to.deep.equal([
        'Fabrikam Inc',
        '60 of 100 licenses unassigned · 75 of 120 entitlements inactive',
        '40%',
        '37.5%',
        'Fourth Coffee',
        '25 of 170 licenses unassigned · 87 of 401 entitlements inactive',
        '85.3%',
        '78.3%',
      ]);
      // Ten unassigned each: the more inactive entitlements first; more people active than entitled adds none.
      expect(texts.filter((t) => t.startsWith('10 of '))).to.deep.equal([
        '10 of 50 licenses unassigned · 27 of 120 entitlements inactive',
        '10 of 60 licenses unassigned · 26 of 150 entitlements inactive',
        '10 of 40 licenses unassigned · 15 of 60 entitlements inactive',
        '10 of 80 licenses unassigned',
      ]);
      expect(buttonsOf(card)[0]).to.deep.equal({ title: 'Open', verb: 'customer', data: { key: FABRIKAM } });
      expect(cardProblems(card)).to.deep.equal([]);
      // Of one product: its licenses counted, customers without it left out.
      const e3 = textsOf(cardOf((await h.say('who has the most unused E3 licenses?'))[0]));
      expect(e3.slice(0, 3)).to.deep.equal([
        '7 customers with unassigned E3 licenses',
        'Licenses of the products named like "E3" sold and assigned to nobody, the most first: roll them out with adoption content, or right-size them at renewal. Inactive: assigned, and not used in the last 28 days.',
        'Over 7 customers: 65 of 675 E3 licenses unassigned',
      ]);
      expect(e3.filter((_, i) => i >= 6 && (i - 6) % 4 <= 1)).to.deep.equal([
        'Woodgrove Bank',
        '20 of 120 licenses unassigned · 24 of 300 entitlements inactive',
        'Contoso Ltd',
        '15 of 300 licenses unassigned · 94 of 855 entitlements inactive',
        'Proseware',
        '10 of 40 licenses unassigned · 15 of 60 entitlements inactive',
        'Adventure Works',
        '10 of 80 licenses unassigned',
        'Northwind Traders',
        '5 of 55 licenses unassigned · 13 of 150 entitlements inactive',
        'Coho Winery',
        '3 of 45 licenses unassigned · 87 of 126 entitlements inactive',
        'Wingtip Toys',
        '2 of 35 licenses unassigned',
      ]);
      // The first so many of the same list: those rows and no others, and how many there are in all.
      const top = cardOf((await h.say('top 2 by unused licenses'))[0]);
      expect(textsOf(top)[0]).to.equal('The 2 customers with the most unassigned licenses, of 12 with any');
      expect(textsOf(top).slice(6)).to.deep.equal(texts.slice(6, 14));
      expect(cardProblems(top)).to.deep.equal([]);
    });

    it('lists the customers with entitlements nobody used, the most first, each with its unassigned licenses too', async () => {
      const card = cardOf((await h.say('who has the most inactive users?'))[0]);
      const texts = textsOf(card);
      // Adventure Works had more people active than entitled: none inactive, not listed.
      expect(texts.slice(0, 3)).to.deep.equal([
        '11 customers with inactive entitlements',
        'Entitlements nobody used in the last 28 days, the most first: show the people who have them what they are for, or reassign them. Unassigned: sold, and given to nobody.',
        'Customer (most inactive first)',
      ]);
      // 87 inactive each: the one with more licenses unassigned first.
      expect(texts.filter((t) => t.includes(' entitlements inactive')).slice(0, 4)).to.deep.equal([
        '94 of 855 entitlements inactive · 15 of 300 licenses unassigned',
        '87 of 401 entitlements inactive · 25 of 170 licenses unassigned',
        '87 of 126 entitlements inactive · 3 of 45 licenses unassigned',
        '75 of 120 entitlements inactive · 60 of 100 licenses unassigned',
      ]);
      expect(buttonsOf(card)[0]).to.deep.equal({ title: 'Open', verb: 'customer', data: { key: CONTOSO } });
      expect(cardProblems(card)).to.deep.equal([]);
    });

    it('lists the customers with service requests in the last 30 days, the most first, each with how many are open', async () => {
      const card = cardOf((await h.say('who has the most support requests?'))[0]);
      expect(textsOf(card)).to.deep.equal([
        '1 customer with service requests in the last 30 days',
        'Partner Center service requests created in the last 30 days, the most first. 3 or more call for training and for promoting self-support.',
        'Customer (most requests first)',
        'Deployment',
        'Usage',
        'Litware Inc',
        '5 service requests in the last 30 days (3 still open)',
        '83.3%',
        '82.7%',
      ]);
      expect(buttonsOf(card)[0]).to.deep.equal({ title: 'Open', verb: 'customer', data: { key: LITWARE } });
      expect(cardProblems(card)).to.deep.equal([]);
      // "how many support tickets does Litware have?": its card says so, and a card without any says nothing.
      const litware = textsOf(cardOf((await h.say('how many support tickets does Litware have?'))[0]));
      expect(litware.slice(litware.indexOf('Support: '), litware.indexOf('Support: ') + 2)).to.deep.equal([
        'Support: ',
        '5 service requests in the last 30 days (3 still open)',
      ]);
      expect(textsOf(cardOf((await h.say('adoption for Contoso'))[0]))).to.not.include('Support: ');
    });

    it('lists the customers with subscriptions in grace period, suspended, disabled or expired, and their cards say which', async () => {
      const card = cardOf((await h.say('which subscriptions need attention?'))[0]);
      expect(textsOf(card)).to.deep.equal([
        '1 customer with subscriptions needing attention',
        'Subscriptions in their grace period, suspended, disabled (locked out) or expired, from Partner Center (or Graph): renew or reactivate them before the seats are lost, or right-size them with the customer.',
        'Customer (most subscriptions first)',
        'Deployment',
        'Usage',
        'Woodgrove Bank',
        'Office 365 E3: 20 seats suspended',
        '83.3%',
        '92%',
      ]);
      expect(buttonsOf(card)[0]).to.deep.equal({ title: 'Open', verb: 'customer', data: { key: WOODGROVE } });
      expect(cardProblems(card)).to.deep.equal([]);
      const woodgrove = cardOf((await h.say('adoption for Woodgrove'))[0]);
      const texts = textsOf(woodgrove);
      expect(texts.slice(texts.indexOf('Needs attention: '), texts.indexOf('Needs attention: ') + 2)).to.deep.equal([
        'Needs attention: ',
        'Office 365 E3: 20 seats suspended',
      ]);
      expect(cardProblems(woodgrove)).to.deep.equal([]);
      // A healthy customer's card has no such line.
      expect(textsOf(cardOf((await h.say('adoption for Contoso'))[0]))).to.not.include('Needs attention: ');
    });

    it('ranks every customer with figures for one workload by its usage, lowest first', async () => {
      const card = cardOf((await h.say('Teams usage'))[0]);
      const texts = textsOf(card);
      expect(texts.slice(0, 4)).to.deep.equal([
        'Teams usage: 12 customers',
        'Teams usage: entitlements active in the last 28 days, over all products. Customers with no Teams figures are left out.',
        // "what's the average Teams usage?": the sum of the rows below over the sum of their entitlements.
        'Teams usage over 12 customers: 83% (737 of 888 entitlements active) · median customer 83.9%',
        'Customer (lowest first)',
      ]);
      expect(texts.filter((t) => /^Teams \d/.test(t))).to.deep.equal([
        'Teams 28.6% (12 of 42 entitlements active)',
        'Teams 35% (14 of 40 entitlements active)',
        'Teams 70% (21 of 30 entitlements active) · old data',
        'Teams 77.5% (31 of 40 entitlements active)',
        'Teams 78.9% (101 of 128 entitlements active)',
        'Teams 82% (41 of 50 entitlements active)',
        'Teams 85.7% (60 of 70 entitlements active) · yammer used beyond its licenses',
        'Teams 87.9% (29 of 33 entitlements active)',
        'Teams 88% (44 of 50 entitlements active) · licenses moved to new employees',
        'Teams 92% (92 of 100 entitlements active) · two subscriptions for one product',
        'Teams 94.7% (270 of 285 entitlements active)',
        'Teams 110% (22 of 20 entitlements active) · trial subscription',
      ]);
      expect(buttonsOf(card)[0]).to.deep.equal({ title: 'Open', verb: 'customer', data: { key: COHO } });
      expect(cardProblems(card)).to.deep.equal([]);
    });

    it('says how each number is counted, with the configured thresholds, and why usage can read above 100%', async () => {
      const card = cardOf((await h.say('what is usage?'))[0]);
      const texts = textsOf(card);
      expect(texts).to.have.length(7);
      expect(texts[2]).to.equal(
        'Usage % = active entitlements ÷ total entitlements × 100, per workload (Exchange, SharePoint with OneDrive, Teams, Yammer, Skype for Business ...), and over all workloads.',
      );
      expect(texts[5]).to.equal(
        'Low adoption: deployment under 60% or usage under 50%. Deployment at or above 90% is an upsell opportunity; 3 or more service requests in 30 days call for training and self-support.',
      );
      expect(texts[6]).to.equal(
        'Whoever runs the bot configures these (ADOPTION_DEPLOYMENT_LOW_PERCENT, ADOPTION_USAGE_LOW_PERCENT, ADOPTION_UPSELL_DEPLOYMENT_PERCENT, ADOPTION_SUPPORT_REQUESTS_30D); an admin changes one here for everyone: "set the usage threshold to 40%", "set the upsell threshold to 85%" ("reset the thresholds" goes back). An alert takes a threshold of its own: "alerts on below 40%".',
      );
      expect(buttonsOf(card).map((b) => b.verb)).to.deep.equal(['portfolio', 'low-adoption', 'help']);
      // Asked about the thresholds, or to change them: the same card, which says who sets them.
      for (const asked of [
        'what is the threshold?',
        'what counts as low adoption?',
        'set the threshold to 30%',
        'change the low usage threshold',
      ]) {
        expect((await h.say(asked))[0]!.activity['summary'], asked).to.equal('How the numbers are counted');
      }
      expect(cardProblems(card)).to.deep.equal([]);
    });

    it('lists customers below or above a percent of one number: deployment, usage, or one workload', async () => {
      const rows = async (text: string): Promise<string[]> => {
        const card = cardOf((await h.say(text))[0]);
        const order = buttonsOf(card).flatMap((b) => (b.verb === 'customer' ? [b.data['key']] : []));
        return [...textsOf(card).slice(0, 2), `${order.length} Open`];
      };
      const teams = cardOf((await h.say('Which customers have Teams usage below 50%?'))[0]);
      expect(textsOf(teams).slice(0, 7)).to.deep.equal([
        '2 customers with Teams usage below 50%',
        'Teams usage: entitlements active in the last 28 days, over all products',
        'Customer (lowest first)',
        'Deployment',
        'Usage',
        'Coho Winery',
        'Teams 28.6% (12 of 42 entitlements active)',
      ]);
      expect(textsOf(teams)).to.include('Teams 35% (14 of 40 entitlements active)');
      // Highest first above a percent; each row counts what the filter read.
      const deployed = cardOf((await h.say('deployment above 90%'))[0]);
      expect(textsOf(deployed).filter((t) => t.includes('licenses assigned)'))).to.deep.equal([
        '95% (285 of 300 licenses assigned)',
        '94.3% (33 of 35 licenses assigned)',
        '93.3% (42 of 45 licenses assigned)',
        '90.9% (50 of 55 licenses assigned) · licenses moved to new employees',
      ]);
      expect(textsOf(deployed).slice(0, 3)).to.deep.equal([
        '4 customers with deployment above 90%',
        'Deployment: licenses assigned of sold',
        'Customer (highest first)',
      ]);
      // Above 100%, the row says why.
      expect(await rows('who is over 100% usage?')).to.deep.equal([
        '1 customer with usage above 100%',
        'Usage: entitlements active in the last 28 days, all workloads',
        '1 Open',
      ]);
      expect(textsOf(cardOf((await h.say('yammer above 100%'))[0]))).to.include(
        'Yammer 175% (70 of 40 entitlements active) · yammer used beyond its licenses',
      );
      // Without a measure, "above" asks for both numbers over the line (Contoso: usage 89%).
      expect(await rows('which customers are above 90%')).to.deep.equal([
        '1 customer above 90%',
        'Deployment and usage over 90%',
        '1 Open',
      ]);
      expect(await rows('below 70% on sharepoint')).to.deep.equal([
        '3 customers with SharePoint with OneDrive usage below 70%',
        'SharePoint with OneDrive usage: entitlements active in the last 28 days, over all products',
        '3 Open',
      ]);
      // Two conditions, each with its own number: licenses handed out but little used (Coho Winery).
      const idle = cardOf((await h.say('who is below 50% usage and above 80% deployment?'))[0]);
      expect(textsOf(idle).slice(0, 7)).to.deep.equal([
        '1 customer with usage below 50% and deployment above 80%',
        'Usage: entitlements active in the last 28 days, all workloads · Deployment: licenses assigned of sold',
        'Customer (lowest first)',
        'Deployment',
        'Usage',
        'Coho Winery',
        '31% (39 of 126 entitlements active) · 93.3% (42 of 45 licenses assigned)',
      ]);
      expect(await rows('usage between 30% and 40%')).to.deep.equal([
        '2 customers with usage at least 30% and at most 40%',
        'Usage: entitlements active in the last 28 days, all workloads',
        '2 Open',
      ]);
      // Both ends in: Fabrikam Inc's deployment is 40%.
      expect((await rows('customers with deployment between 40 and 60%'))[0]).to.equal(
        '1 customer with deployment at least 40% and at most 60%',
      );
      // Both numbers named: each over it (Northwind Traders: 90.9% and 91.3%).
      expect(await rows('deployment and usage above 90%')).to.deep.equal([
        '1 customer with deployment above 90% and usage above 90%',
        'Deployment: licenses assigned of sold · Usage: entitlements active in the last 28 days, all workloads',
        '1 Open',
      ]);
      // Joined by "or": meeting one will do, each read for its own number. Before, the second
      // number's words decided what the first measured ("deployment below 50%").
      const either = cardOf((await h.say('usage below 50% or deployment below 60%'))[0]);
      expect(textsOf(either).slice(0, 2)).to.deep.equal([
        '2 customers with usage below 50% or deployment below 60%',
        'Usage: entitlements active in the last 28 days, all workloads · Deployment: licenses assigned of sold',
      ]);
      expect(
        textsOf(either)
          .slice(5)
          .filter((_, i) => i % 4 === 0),
      ).to.deep.equal(['Coho Winery', 'Fabrikam Inc']);
      expect(cardProblems(either)).to.deep.equal([]);
      const ends = cardOf((await h.say('which customers are below 40% or above 90%?'))[0]);
      expect(textsOf(ends)[0]).to.equal('3 customers with deployment or usage below 40% or deployment and usage above 90%');
      expect(buttonsOf(ends).map((b) => b.data['key'])).to.deep.equal([COHO, FABRIKAM, NORTHWIND, undefined]);
      expect((await rows('usage or deployment below 40%'))[0]).to.equal('2 customers with deployment below 40% or usage below 40%');
      // Some customers' numbers: those with a product, or of a size. Before, the product or the size went unread.
      for (const [asked, title] of [
        ['E3 customers below 50%', '1 customer below 50%, among 7 customers with E3'],
        ['which Business Premium customers have low usage?', '1 customer with usage below 50%, among 5 customers with Business Premium'],
        ['E3 customers with low adoption', '1 customer with low adoption, among 7 customers with E3'],
        // The product first, then the question.
        ['who has E3 and low usage?', '1 customer with usage below 50%, among 7 customers with E3'],
        [
          'customers that bought Business Premium but have low Teams usage',
          '1 customer with Teams usage below 50%, among 5 customers with Business Premium',
        ],
        ['customers with E3 licenses and usage below 50%', '1 customer with usage below 50%, among 7 customers with E3'],
        // A flag or a recommendation said first narrows it the same way (Tailspin Toys has the trial, at 93.3% usage).
        ['which customers have a trial and usage below 95%', '1 customer with usage below 95%, among 1 customer with Trial subscription'],
        ['customers with trials and low usage', 'No customer has usage below 50%, among 1 customer with Trial subscription'],
        [
          'customers with usage under 80% and more than 100 seats',
          '1 customer with usage below 80%, among 3 customers with more than 100 licenses sold',
        ],
      ] as const) {
        expect((await rows(asked))[0], asked).to.equal(title);
      }
      // The biggest first: Fabrikam Inc (100 licenses sold) before Coho Winery (45).
      const biggest = cardOf((await h.say('biggest customers with low usage'))[0]);
      expect(textsOf(biggest)[0]).to.equal('2 customers with usage below 50%, the largest first');
      expect(textsOf(biggest)[2]).to.equal('Customer (most licenses first)');
      expect(buttonsOf(biggest).map((b) => b.data['key'])).to.deep.equal([FABRIKAM, COHO, undefined]);
      // The smallest first, as the command line's --smallest: Coho Winery (45) before Fabrikam Inc (100).
      const smallest = cardOf((await h.say('small customers with low usage'))[0]);
      expect(textsOf(smallest)[0]).to.equal('2 customers with usage below 50%, the smallest first');
      expect(textsOf(smallest)[2]).to.equal('Customer (fewest licenses first)');
      expect(buttonsOf(smallest).map((b) => b.data['key'])).to.deep.equal([COHO, FABRIKAM, undefined]);
      expect((await rows('largest E3 customers below 80%'))[0]).to.equal(
        '2 customers below 80%, among 7 customers with E3, the largest first',
      );
      const fourth = cardOf((await h.say('customers with usage under 80% and more than 100 seats'))[0]);
      expect(buttonsOf(fourth).map((b) => b.data['key'])).to.deep.equal([FOURTH_COFFEE, undefined]);
      expect(textsOf(cardOf((await h.say('E5 customers below 50%'))[0]))[0]).to.equal('No customer has a product named like "E5".');
      expect(textsOf(cardOf((await h.say('usage below 50% and more than 1000 seats'))[0]))).to.deep.equal([
        'No customer has more than 1,000 licenses sold.',
      ]);
      // "and" binds before "or": Coho Winery meets the first group (31% usage, 93.3% deployment),
      // Fabrikam the second (40% deployment). Before, the last condition went unread.
      const mixed = cardOf((await h.say('usage below 50% and deployment above 80% or deployment below 45%'))[0]);
      expect(textsOf(mixed)[0]).to.equal('2 customers with usage below 50% and deployment above 80%, or deployment below 45%');
      expect(buttonsOf(mixed).map((b) => b.data['key'])).to.deep.equal([COHO, FABRIKAM, undefined]);
      expect((await rows('usage above 95% and deployment above 95%, or Yammer usage below 10%'))[0]).to.equal(
        'No customer has usage above 95% and has deployment above 95%, or has Yammer usage below 10%',
      );
      expect((await rows('Teams usage below 20% or Yammer usage below 10%'))[0]).to.equal(
        'No customer has Teams usage below 20% or has Yammer usage below 10%',
      );
      expect(await rows('usage above 95% and deployment above 95%')).to.deep.equal([
        'No customer has usage above 95% and has deployment above 95%',
        'Usage: entitlements active in the last 28 days, all workloads · Deployment: licenses assigned of sold',
        '0 Open',
      ]);
      // "Low" of one number reads its configured threshold (usage 50%, deployment 60%).
      expect((await rows('low Teams usage'))[0]).to.equal('2 customers with Teams usage below 50%');
      expect((await rows('who uses SharePoint the least?'))[0]).to.equal('2 customers with SharePoint with OneDrive usage below 50%');
      expect((await rows('low deployment'))[0]).to.equal('1 customer with deployment below 60%');
      expect((await rows('which customers have low usage'))[0]).to.equal('2 customers with usage below 50%');
      // Exactly at the line is not below it (Fabrikam's deployment is 40%); no number is not below any.
      expect((await rows('deployment below 40%'))[0]).to.equal('No customer has deployment below 40%');
      expect((await rows('deployment < 40.1%'))[0]).to.equal('1 customer with deployment below 40.1%');
      expect((await rows('Yammer usage below 100%'))[0]).to.equal('No customer has Yammer usage below 100%');
      expect(await rows('exchange usage under 10%')).to.deep.equal([
        'No customer has Exchange usage below 10%',
        'Exchange usage: entitlements active in the last 28 days, over all products',
        '1 Open',
      ]);
    });

    it('reads bounds that include their percent, and who uses nothing at all; when none meets a condition, shows the nearest', async () => {
      const listed = async (text: string): Promise<string[]> => {
        const card = cardOf((await h.say(text))[0]);
        expect(cardProblems(card)).to.deep.equal([]);
        const texts = textsOf(card);
        return [...texts.slice(0, 3), ...texts.slice(5).filter((_, i) => i % 4 < 2)];
      };
      // Fabrikam's deployment is 40% exactly: not below 40%, but at most 40%.
      expect(await listed('deployment at most 40%')).to.deep.equal([
        '1 customer with deployment at most 40%',
        'Deployment: licenses assigned of sold',
        'Customer (lowest first)',
        'Fabrikam Inc',
        '40% (40 of 100 licenses assigned)',
      ]);
      expect(await listed('deployment below 40%')).to.deep.equal([
        'No customer has deployment below 40%',
        'Deployment: licenses assigned of sold',
        'Customer (nearest to 40%)',
        'Fabrikam Inc',
        '40% (40 of 100 licenses assigned)',
      ]);
      for (const [asked, title] of [
        ['deployment at least 93.3%', '3 customers with deployment at least 93.3%'],
        ['which customers have deployment of 93.3% or more?', '3 customers with deployment at least 93.3%'],
        ['deployment >= 93.3%', '3 customers with deployment at least 93.3%'],
        ['deployment no less than 93.3%', '3 customers with deployment at least 93.3%'],
        ['customers with at most 37.5% usage', '2 customers with usage at most 37.5%'],
        ['usage 37.5% or less', '2 customers with usage at most 37.5%'],
        ['usage no more than 37.5%', '2 customers with usage at most 37.5%'],
        ['usage up to 37.5%', '2 customers with usage at most 37.5%'],
        ['usage at most 37.5% and deployment at least 40%', '2 customers with usage at most 37.5% and deployment at least 40%'],
        ['which customers are at most 31%?', '1 customer at most 31%'],
        ['which customers use less than a third of their licenses?', '1 customer with usage below 33.3%'],
        // Proseware's deployment is 75% exactly.
        ['deployment of at least three quarters', '11 customers with deployment at least 75%'],
        ['deployment over three quarters', '10 customers with deployment above 75%'],
        // "or above 90%" is another condition, not "40% or above".
        ['which customers are below 40% or above 90%?', '3 customers with deployment or usage below 40% or deployment and usage above 90%'],
      ] as const) {
        expect((await listed(asked))[0], asked).to.equal(title);
      }
      // Nobody active: at 0%. No demo customer is; the nearest is shown.
      const [coho, cohoTeams] = [
        ['Coho Winery', '31% (39 of 126 entitlements active)'],
        ['Coho Winery', 'Teams 28.6% (12 of 42 entitlements active)'],
      ];
      for (const [asked, title, nearest] of [
        ['who has zero usage?', 'No customer has usage at 0%', coho],
        ['which customers have no Teams usage?', 'No customer has Teams usage at 0%', cohoTeams],
        ['customers not using Teams at all', 'No customer has Teams usage at 0%', cohoTeams],
        ["who isn't using their licenses at all?", 'No customer has usage at 0%', coho],
        ['where nobody uses Teams', 'No customer has Teams usage at 0%', cohoTeams],
        ['Teams usage is zero', 'No customer has Teams usage at 0%', cohoTeams],
        ['who never used Teams?', 'No customer has Teams usage at 0%', cohoTeams],
        ['0% deployment', 'No customer has deployment at 0%', ['Fabrikam Inc', '40% (40 of 100 licenses assigned)']],
      ] as const) {
        const [said, , order, ...row] = await listed(asked);
        expect([said, order, ...row], asked).to.deep.equal([title, 'Customer (nearest to 0%)', ...nearest]);
      }
      // "No usage data" still asks for the customers without figures.
      expect((await listed('customers with no usage data'))[0]).to.equal('Every customer has usage figures');
    });

    it('shows the portfolio with totals, the worst customers first and counts by flag', async () => {
      const card = cardOf((await h.say('portfolio'))[0]);
      const texts = textsOf(card);
      expect(texts[0]).to.equal('Portfolio: 12 customers');
      expect(texts.slice(2, 6)).to.deep.equal([
        'Deployment: 83.8% (905 of 1,080 licenses assigned)',
        'Usage: 82.6% (2,167 of 2,625 entitlements active)',
        // The middle two of 12 customers: deployment 83.3% and 85.3%, usage 81.6% and 82.7%.
        'Median customer: deployment 84.3%, usage 82.2%',
        'Low adoption: 2 customers (deployment under 60% or usage under 50%)',
      ]);
      expect(texts.join(' | ')).to.include(
        'Why numbers look odd | Licenses moved to new employees | 1 customer | Two subscriptions for one product | 1 customer',
      );
      expect(texts.join(' | ')).to.include('Training and self-support | 1 customer | Training courses (upsell) | 4 customers');
      const opened = buttonsOf(card).filter((b) => b.verb === 'customer');
      expect(opened).to.have.length(10);
      expect(opened[0]!.data).to.deep.equal({ key: '0000000b-0000-4000-8000-c0ffee00000b' });
      // Buttons with one title say, to a screen reader or on hover, what they open.
      expect(elementOf(card, 'Action.Execute', (a) => a['verb'] === 'customer')['tooltip']).to.equal('Open Coho Winery');
      expect(elementOf(card, 'Action.Execute', (a) => a['verb'] === 'customers-with')['tooltip']).to.equal(
        'Show the customers: Licenses moved to new employees',
      );
      // Each count lists its customers.
      expect(buttonsOf(card).flatMap((b) => (b.verb === 'customers-with' ? [b.data['code']] : []))).to.deep.equal([
        'license-transfer',
        'duplicate-subscription',
        'trial-subscription',
        'yammer-overuse',
        'stale-data',
        'adoption-content',
        'training-and-self-support',
        'training-upsell',
      ]);
      expect(buttonsOf(card).slice(-4)).to.deep.equal([
        { title: 'Low adoption', verb: 'low-adoption', data: {} },
        { title: 'What to do', verb: 'actions', data: {} },
        { title: 'All customers', verb: 'all-customers', data: {} },
        { title: 'Help', verb: 'help', data: {} },
      ]);
      expect(texts).to.include(
        'Showing the 10 lowest of 12. Ask "low adoption" or "below 50%" for more, or "all customers" for every one, A to Z.',
      );
      expect(cardProblems(card)).to.deep.equal([]);
      // "What to do" replaces the card with the customers to act on.
      const todo = await h.invoke('actions', {});
      expect(todo.status).to.equal(200);
      expect(textsOf(todo.body.value)[0]).to.equal('9 customers to act on');
    });

    it("lists every customer A to Z, from the portfolio card's button or asked for", async () => {
      const all = await h.invoke('all-customers', {});
      expect(all.status).to.equal(200);
      const texts = textsOf(all.body.value);
      expect(texts.slice(0, 3)).to.deep.equal([
        '12 customers, A to Z',
        'Every customer in the cache by name. "portfolio" has the totals and the lowest first.',
        'Customer (A to Z)',
      ]);
      expect(texts.filter((t) => (DEMO_A_TO_Z as readonly string[]).includes(t))).to.deep.equal(DEMO_A_TO_Z);
      // Each row keeps its flags, as on the portfolio card.
      const first = texts.indexOf('Adventure Works');
      expect(texts.slice(first, first + 2)).to.deep.equal(['Adventure Works', 'yammer used beyond its licenses']);
      expect(texts.at(-1)).to.not.match(/^Showing/);
      expect(cardProblems(all.body.value)).to.deep.equal([]);
    });

    it('lists the customers behind a count, worst first, each with what it says of them', async () => {
      const upsell = await h.invoke('customers-with', { code: 'training-upsell' });
      expect(upsell.status).to.equal(200);
      const card = upsell.body.value;
      const texts = textsOf(card);
      expect(texts.slice(0, 2)).to.deep.equal(['4 customers: Training courses (upsell)', 'What to do, and why']);
      expect(texts.join(' | ')).to.include(
        'Coho Winery | deployment 93.3% is at or above 90% | 93.3% | 31% | Wingtip Toys | deployment 94.3% is at or above 90% | 94.3% | 81.6% | ' +
          'Contoso Ltd | deployment 95% is at or above 90% | 95% | 89% | Northwind Traders | deployment 90.9% is at or above 90% | 90.9% | 91.3%',
      );
      expect(buttonsOf(card).filter((b) => b.verb === 'customer')).to.have.length(4);
      expect(cardProblems(card)).to.deep.equal([]);

      const trial = textsOf((await h.invoke('customers-with', { code: 'trial-subscription' })).body.value);
      expect(trial.slice(0, 4)).to.deep.equal([
        '1 customer: Trial subscription',
        'Why their numbers look odd',
        'Customer (worst first)',
        'Deployment',
      ]);
      expect(trial).to.include('Tailspin Toys');
      const none = textsOf((await h.invoke('customers-with', { code: 'usage-above-100-unexplained' })).body.value);
      expect(none[0]).to.equal('No customer has this now: Usage above 100%');
      // A code this bot never sent is refused, like an unknown verb.
      expect((await h.invoke('customers-with', { code: 'rockets' })).body.statusCode).to.equal(400);
    });

    it('answers help, hi and hello with the commands, and says how to mention it in channels', async () => {
      for (const text of ['help', 'hi', 'Hello!', 'who are you?']) {
        const card = cardOf((await h.say(text))[0]);
        expect(textsOf(card)).to.include(
          'adoption for Contoso: One customer\'s card (also just "Contoso"), or a question about it: "is Contoso low?", "can I upsell Contoso?"',
        );
        expect(textsOf(card)).to.include('12 customers in the cache, newest data from 2026-11-25.');
      }
      const inChannel = cardOf((await h.say('help', { scope: 'channel' }))[0]);
      expect(textsOf(inChannel)).to.include('Here, @mention me first: "@Adoption portfolio".');
    });

    it('gives in its help an example of every question it understands beyond its command list, and each is understood', async () => {
      const intro = textsOf(cardOf((await h.say('help'))[0]))[1]!;
      const examples = [...intro.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(examples.map((e) => parseCommand(e).kind))).to.deep.equal(new Set(MENTIONED));
      // A channel's command list gives the to-do and the renewals' places to the link commands: its help names them.
      const inChannel = textsOf(cardOf((await h.say('help', { scope: 'channel' }))[0]))[1]!;
      expect(inChannel).to.equal(`${intro} Here too: "what should I do?", "who renews soon?".`);
    });

    it('offers choices for several matches, and the closest names when none matches', async () => {
      const several = cardOf((await h.say('co'))[0]);
      expect(textsOf(several)[0]).to.equal('3 customers match "co"');
      expect(textsOf(several)).to.include.members(['Contoso Ltd', 'Coho Winery', 'Fourth Coffee']);
      const unknown = cardOf((await h.say('make me a sandwich'))[0]);
      expect(textsOf(unknown)[0]).to.equal('I didn\'t get "make me a sandwich".');
      expect(buttonsOf(unknown).map((b) => b.verb)).to.include.members(['portfolio', 'low-adoption', 'help']);
      const none = cardOf((await h.say('adoption for Woodgrov Bnk Intl'))[0]);
      // "adoption for X" may name a product as well: neither is, and the products in the cache are said.
      expect(textsOf(none)).to.deep.equal([
        'No customer or product matches "Woodgrov Bnk Intl".',
        'The closest names are below.',
        'Products in the cache: DYNAMICS 365 SALES ENTERPRISE, MICROSOFT 365 BUSINESS PREMIUM, Microsoft 365 users, OFFICE 365 ENTERPRISE E3, SPE_E3.',
      ]);
      expect(buttonsOf(none)[0]).to.deep.include({ title: 'Woodgrove Bank', verb: 'customer' });
    });

    it('refreshes a card through Action.Execute from the current cache', async () => {
      const before = await h.invoke('refresh', { key: CONTOSO });
      expect(before.status).to.equal(200);
      expect(before.body.type).to.equal('application/vnd.microsoft.card.adaptive');
      expect(elementOf(before.body.value, 'Chart.Gauge', (g) => g['title'] === 'Deployment')['value']).to.equal(95);

      const records = (await h.storage.cache.records()).filter(
        (r): r is DeploymentRecord => r.kind === 'deployment' && r.customer.tenantId === CONTOSO,
      );
      expect(records).to.have.length(1);
      await h.storage.cache.upsert([{ ...records[0]!, assigned: 150, asOf: '2026-11-25T06:00:00.000Z' }]);

      const after = await h.invoke('refresh', { key: CONTOSO });
      expect(elementOf(after.body.value, 'Chart.Gauge', (g) => g['title'] === 'Deployment')).to.deep.include({
        value: 50,
        subLabel: '150 of 300 licenses assigned',
      });
      const portfolio = await h.invoke('portfolio', {});
      expect(textsOf(portfolio.body.value)[0]).to.equal('Portfolio: 12 customers');
      const unknownVerb = await h.invoke('launch-rockets', {});
      expect(unknownVerb.body.statusCode).to.equal(400);
      await h.storage.cache.upsert([{ ...records[0]!, asOf: '2026-11-25T07:00:00.000Z' }]);
    });

    it('answers what was asked of one customer above its card, and its refresh answers it again from the current cache', async () => {
      const asked = cardOf((await h.say('how is Fabrikam using Teams?'))[0]);
      const answer =
        'Teams usage 35% (14 of 40 entitlements active) in the last 28 days, ▼ down 6.1 pts in 7 days (since 2026-11-18), under the 50% usage threshold.';
      expect(textsOf(asked).slice(0, 3)).to.deep.equal([
        'Fabrikam Inc',
        'tenant 00000002-0000-4000-8000-c0ffee000002 · data as of 2026-11-25 · Partner Center analytics',
        answer,
      ]);
      const refresh = (asked as { refresh?: { action: { verb: string; data: object } } }).refresh!.action;
      expect(refresh).to.deep.include({ verb: 'refresh', data: { key: FABRIKAM, focus: 'workload', workload: 'Teams' } });
      expect(textsOf((await h.invoke(refresh.verb, refresh.data)).body.value)[2]).to.equal(answer);

      const records = (await h.storage.cache.records()).filter(
        (r): r is UsageRecord => r.kind === 'usage' && r.customer.tenantId === FABRIKAM && r.workload === 'Teams',
      );
      expect(records).to.have.length(1);
      await h.storage.cache.upsert([{ ...records[0]!, active: 30, asOf: '2026-11-25T06:00:00.000Z' }]);
      const after = textsOf((await h.invoke(refresh.verb, refresh.data)).body.value)[2]!;
      expect(after).to.match(/^Teams usage 75% \(30 of 40 entitlements active\) in the last 28 days, ▲ up /);
      await h.storage.cache.upsert([{ ...records[0]!, asOf: '2026-11-25T07:00:00.000Z' }]);

      // "and Fabrikam?" asks the same of another customer, until something else is asked.
      const follow = async (text: string): Promise<string[]> =>
        textsOf(cardOf((await h.say(text, { conversationId: 'follow-up' })).at(-1)));
      await follow('Exchange usage at Contoso');
      expect((await follow('and Fabrikam?'))[2]).to.equal(
        'Exchange usage 55% (22 of 40 entitlements active) in the last 28 days, ▼ down 9.5 pts in 7 days (since 2026-11-18).',
      );
      expect((await follow('what about Coho?'))[2]).to.match(/^Exchange usage /);
      expect((await follow('and who is low?'))[0]).to.equal('2 customers with low adoption');
      expect(await follow('and Fabrikam?')).to.deep.equal(textsOf(cardOf((await h.say('adoption for Fabrikam'))[0])));
      // Seats, over every product; a focus this bot never sent is the plain card.
      const seats = textsOf(cardOf((await h.say('how many licenses does Tailspin have?'))[0]))[2];
      expect(seats).to.equal('25 MICROSOFT 365 BUSINESS PREMIUM licenses sold: 20 assigned (deployment 80%), 5 unassigned.');
      // Low or not, support requests, the move over a span: each refresh asks it again.
      for (const [text, focus, line] of [
        [
          'how has Fabrikam changed since last month?',
          { focus: 'trend', days: '30' },
          'Since 2026-10-21 (35 days): deployment ▼ down 5 pts to 40%, usage ▼ down 11.6 pts to 37.5%. Exchange ▼ 17 pts · SharePoint with OneDrive ▼ 7 pts · Teams ▼ 10.8 pts.',
        ],
        [
          'is Fabrikam low?',
          { focus: 'standing' },
          'Low adoption: deployment 40% is under the 60% threshold, and usage 37.5% is under the 50% threshold.',
        ],
        [
          "Litware's support tickets",
          { focus: 'support' },
          '5 service requests in the last 30 days (3 still open), 3 or more: training and self-support are suggested.',
        ],
        [
          'how does Coho stack up?',
          { focus: 'benchmark' },
          "Deployment 93.3% against the median customer's 84.3%, usage 31% against the median customer's 82.2%: above the typical customer on deployment, below it on usage.",
        ],
        [
          'when did Tailspin become a customer?',
          { focus: 'purchases' },
          'A customer since at least 2026-01-29, when its first subscription in the cache (Microsoft 365 Business Premium) was created; the newest: Microsoft Teams Premium Trial, 5 seats, 2026-11-10, 15 days ago.',
        ],
      ] as const) {
        const card = cardOf((await h.say(text))[0]);
        expect(textsOf(card)[2], text).to.equal(line);
        const again = (card as { refresh?: { action: { verb: string; data: object } } }).refresh!.action;
        expect(again.data).to.deep.include(focus);
        expect(textsOf((await h.invoke(again.verb, again.data)).body.value)[2]).to.equal(line);
      }
      const plainCard = textsOf(cardOf((await h.say('adoption for Fabrikam'))[0]));
      const unknown = await h.invoke('refresh', { key: FABRIKAM, focus: 'workload', workload: 'Rockets' });
      expect(textsOf(unknown.body.value)).to.deep.equal(plainCard);
      for (const days of ['0', '1000', '-7', 30, undefined]) {
        expect(textsOf((await h.invoke('refresh', { key: FABRIKAM, focus: 'trend', days })).body.value), String(days)).to.deep.equal(
          plainCard,
        );
      }
      // Several customers named so: each choice opens its card with what was asked answered.
      const choices = cardOf((await h.say('Teams usage at co'))[0]);
      expect(textsOf(choices)[0]).to.equal('3 customers match "co"');
      const coho = buttonsOf(choices).find((b) => b.title === 'Open' && (b.data as { key?: string }).key === COHO)!;
      expect(coho.data).to.deep.equal({ key: COHO, focus: 'workload', workload: 'Teams' });
      expect(textsOf((await h.invoke(coho.verb, coho.data)).body.value)[2]).to.equal(
        'Teams usage 28.6% (12 of 42 entitlements active) in the last 28 days, ▼ down 6.5 pts in 7 days (since 2026-11-18), under the 50% usage threshold.',
      );
    });

    it('shows typing while a slow reply is prepared', async () => {
      const view = PortfolioCache.prototype.view;
      sinon.stub(PortfolioCache.prototype, 'view').callsFake(async function (this: PortfolioCache) {
        await new Promise((resolve) => setTimeout(resolve, 900));
        return view.call(this);
      });
      const sent = await h.say('portfolio');
      expect(sent.map((s) => s.activity.type)).to.deep.equal(['typing', 'message']);
    });

    it('tells the user something went wrong with a reference found in the log, leaking neither the error nor a token', async () => {
      const failure = Object.assign(new Error('ENOENT /srv/secret/cache.json at Object.<anonymous>'), {
        code: 'ENOENT',
        request: {
          url: 'https://smba.trafficmanager.net/teams/v3/conversations',
          headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.secret' },
        },
      });
      sinon.stub(Conversation.prototype, 'reply').rejects(failure);
      const sent = await h.say('portfolio');
      const text = String(sent.at(-1)!.activity['text']);
      const reference = /^Sorry, something went wrong on my side and I could not answer\. .*reference: ([0-9a-f]{10})\.$/.exec(text)?.[1];
      expect(reference, text).to.be.a('string');
      expect(text).not.to.include('secret');
      const logged = h.errors.filter((e) => e['correlationId'] === reference);
      expect(logged.map((e) => e.msg)).to.deep.equal(['The turn failed.']);
      expect(logged[0]).to.include({ activityType: 'message', tenantId: TENANT });
      expect(logged[0]!['err']).to.deep.include({
        type: 'Error',
        code: 'ENOENT',
        message: 'ENOENT /srv/secret/cache.json at Object.<anonymous>',
      });
      expect(JSON.stringify(h.log)).not.to.include('eyJhbGciOiJSUzI1NiJ9');
    });

    it('welcomes once when installed: to the installer in personal scope, one channel message in a team, nobody when members join', async () => {
      const added = async (scope: 'personal' | 'channel', members: object[]): Promise<number> => {
        const conversation = conversationFor(scope) as { id: string };
        const base = teamsMessage(h.connector.url, '', scope, false, conversation) as Record<string, unknown>;
        const { status } = await h.post({ ...base, type: 'conversationUpdate', text: undefined, membersAdded: members });
        expect(status).to.equal(200);
        const sent = h.connector.to(conversation.id);
        sent.forEach((s) => expect(textsOf(cardOf(s))[0]).to.equal("Hi, I'm Adoption"));
        return sent.length;
      };
      expect(await added('personal', [{ id: '29:1Xy-megan' }, BOT])).to.equal(1);
      expect(await added('channel', [BOT])).to.equal(1);
      expect(await added('channel', [{ id: '29:new-member' }, { id: '29:another' }])).to.equal(0);
    });

    it('serves /healthz', async () => {
      const response = await fetch(`${h.bot.url}/healthz`);
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({ status: 'ok', customers: 12 });
    });

    it('sends only valid Adaptive Cards 1.5 under 80 KB, charts with fallbacks', async () => {
      const texts = [
        'adoption for Contoso',
        'adoption for Adventure Works',
        'Wingtip',
        'how is Fabrikam using Teams?',
        'portfolio',
        'below 95%',
        'low adoption',
        'upsell',
        'thanks',
        'more',
        'help',
        'co',
        'zzz',
      ];
      for (const text of texts) {
        for (const sent of await h.say(text)) {
          const card = cardOf(sent);
          expect(cardProblems(card), text).to.deep.equal([]);
          expect(chartsWithoutFallback(card), text).to.deep.equal([]);
          expect(teamsSize(sent.activity), text).to.be.below(MAX_CARD_BYTES);
        }
      }
    });
  });
}

for (const backend of BACKENDS) {
  describe(`trends on the customer card (${backend})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ storage: backend })));
    after(() => h.close());

    it('lists who went up or down over the span asked, each row with the day it compares with', async () => {
      const month = cardOf((await h.say('who improved this month?'))[0]);
      const texts = textsOf(month);
      expect(texts.slice(0, 2)).to.deep.equal([
        '10 customers went up',
        'Deployment or usage higher than at the newest sync a month or more before today (or the oldest one), biggest move first. Each sync adds a day to the history.',
      ]);
      // Weekly syncs: the newest one a month or more back is 35 days back.
      expect(texts.slice(5, 9)).to.deep.equal([
        'Contoso Ltd',
        'deployment ▲ up 7.5 pts in 35 days (since 2026-10-21) · usage ▲ up 4.5 pts in 35 days (since 2026-10-21)',
        '95%',
        '89%',
      ]);
      expect(cardProblems(month)).to.deep.equal([]);
      const fortnight = textsOf(cardOf((await h.say('which customers declined over the past two weeks?'))[0]));
      expect(fortnight.filter((t) => t.includes('(since '))).to.deep.equal([
        'usage ▼ down 8.3 pts in 14 days (since 2026-11-11)',
        'deployment ▼ down 2 pts in 14 days (since 2026-11-11) · usage ▼ down 7.8 pts in 14 days (since 2026-11-11)',
      ]);
    });

    it('shows how deployment and usage moved since the sync a week ago', async () => {
      await h.storage.cache.recordHistory([
        { customerKey: CONTOSO, point: { day: '2026-11-18', deploymentPercent: 90, usagePercent: 91 } },
      ]);
      const card = cardOf((await h.say('adoption for Contoso'))[0]);
      expect(textsOf(card)).to.include.members(['▲ up 5 pts in 7 days (since 2026-11-18)', '▼ down 2 pts in 7 days (since 2026-11-18)']);
      // The demo's eleven older weekly points, the one just recorded, and today's numbers.
      const [deployment, usage] = elementOf(card, 'Chart.Line')['data'] as { legend: string; values: { x: string; y: number }[] }[];
      expect(deployment!.legend).to.equal('Deployment %');
      expect(deployment!.values).to.have.length(13);
      expect(deployment!.values[0]).to.deep.equal({ x: '2026-09-02', y: 78 });
      expect(deployment!.values.slice(-3)).to.deep.equal([
        { x: '2026-11-11', y: 91.6 },
        { x: '2026-11-18', y: 90 },
        { x: '2026-11-25', y: 95 },
      ]);
      expect(usage!.legend).to.equal('Usage %');
      expect(usage!.values.slice(-3)).to.deep.equal([
        { x: '2026-11-11', y: 86.4 },
        { x: '2026-11-18', y: 91 },
        { x: '2026-11-25', y: 89 },
      ]);
      expect(cardProblems(card)).to.deep.equal([]);
      const fabrikam = cardOf((await h.say('adoption for Fabrikam'))[0]);
      expect(textsOf(fabrikam)).to.include.members([
        '▼ down 1 pt in 7 days (since 2026-11-18)',
        '▼ down 6.5 pts in 7 days (since 2026-11-18)',
      ]);
      // Each workload's move, from the demo's sync of that day, which kept them.
      expect(textsOf(fabrikam).filter((t) => t.startsWith('Since '))).to.deep.equal([
        'Since 2026-11-18 (7 days): Exchange ▼ 9.5 pts · SharePoint with OneDrive ▼ 3.9 pts · Teams ▼ 6.1 pts',
      ]);
      expect(cardProblems(fabrikam)).to.deep.equal([]);
      // The point recorded for Contoso kept no workload: no workload move to show.
      expect(textsOf(card).filter((t) => t.startsWith('Since '))).to.deep.equal([]);
    });

    it('shows no trend for a customer with no history yet', async () => {
      await h.storage.cache.upsert([
        {
          kind: 'deployment',
          key: 'new|0',
          customer: { tenantId: 'new-tenant', name: 'Newcomer Ltd' },
          source: 'pc-analytics',
          asOf: '2026-11-24T00:00:00.000Z',
          product: 'Microsoft 365 E3',
          sold: 10,
          assigned: 5,
        },
      ]);
      const card = cardOf((await h.say('adoption for Newcomer Ltd'))[0]);
      expect(textsOf(card)[0]).to.equal('Newcomer Ltd');
      expect(textsOf(card).filter((t) => t.includes('(since '))).to.deep.equal([]);
      expect(() => elementOf(card, 'Chart.Line')).to.throw('no Chart.Line on the card');
    });

    it('lists the customers whose deployment or usage went down, the biggest fall first, each with what fell', async () => {
      await h.storage.cache.recordHistory([
        { customerKey: CONTOSO, point: { day: '2026-11-18', deploymentPercent: 90, usagePercent: 91 } },
        { customerKey: FABRIKAM, point: { day: '2026-11-18', deploymentPercent: 45, usagePercent: 50 } },
        // Coho Winery went up (93.3% and 31% today).
        { customerKey: COHO, point: { day: '2026-11-18', deploymentPercent: 90, usagePercent: 30 } },
      ]);
      const card = cardOf((await h.say('which customers dropped?'))[0]);
      expect(textsOf(card).filter((t) => !t.startsWith('Deployment or usage lower'))).to.deep.equal([
        '2 customers went down',
        'Customer (biggest fall first)',
        'Deployment',
        'Usage',
        'Fabrikam Inc',
        'deployment ▼ down 5 pts in 7 days (since 2026-11-18) · usage ▼ down 12.5 pts in 7 days (since 2026-11-18)',
        '40%',
        '37.5%',
        'Contoso Ltd',
        'usage ▼ down 2 pts in 7 days (since 2026-11-18)',
        '95%',
        '89%',
      ]);
      expect(buttonsOf(card).map((b) => b.data['key'])).to.deep.equal([FABRIKAM, CONTOSO, undefined]);
      expect(cardProblems(card)).to.deep.equal([]);
      // One number: Contoso's deployment rose, so only Fabrikam's fell; each row says that number only.
      const deployment = cardOf((await h.say("which customers' deployment dropped?"))[0]);
      expect(textsOf(deployment).slice(0, 2)).to.deep.equal([
        '1 customer whose deployment went down',
        'Deployment lower than at the newest sync a week or more before today (or the oldest one), biggest move first. Each sync adds a day to the history.',
      ]);
      expect(textsOf(deployment).filter((t) => t.includes('(since '))).to.deep.equal([
        'deployment ▼ down 5 pts in 7 days (since 2026-11-18)',
      ]);
      const usage = textsOf(cardOf((await h.say('usage fell more than 2 points'))[0]));
      expect(usage[0]).to.equal('1 customer whose usage went down by more than 2 points');
      expect(usage.filter((t) => t.includes('(since '))).to.deep.equal(['usage ▼ down 12.5 pts in 7 days (since 2026-11-18)']);
    });
  });
}

for (const backend of BACKENDS) {
  describe(`cards with hostile or huge data (${backend})`, () => {
    let w: Harness;
    before(async () => (w = await startHarness({ storage: backend })));
    after(() => w.close());

    it('shows names with ${...}, markdown, date functions or great length as plain text, and caps long cards', async () => {
      const weird = '${customer} **Evil** [click](https://evil.example) {{DATE(2017-02-14T06:08:39Z, SHORT)}} ' + 'x'.repeat(300);
      const products: DeploymentRecord[] = Array.from({ length: 40 }, (_, i) => ({
        kind: 'deployment',
        key: `weird|${i}`,
        customer: { tenantId: 'weird-tenant', name: weird },
        source: 'pc-analytics',
        asOf: '2026-11-24T00:00:00.000Z',
        product: `Product ${i} \${i}`,
        sold: 10,
        assigned: 5,
      }));
      await w.storage.cache.upsert(products);
      const [reply] = await w.say('adoption for ${customer} **Evil**');
      const card = cardOf(reply);
      const title = textsOf(card)[0]!;
      expect(title.replace('\u200B', '')).to.have.length(120);
      expect(
        title.startsWith('${customer} **Evil** [click](https://evil.example) {\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}} xxx'),
      ).to.equal(true);
      expect(title.endsWith('x…')).to.equal(true);
      expect(elementOf(card, 'TextRun', (r) => r['text'] === title)).to.deep.include({ size: 'Large', weight: 'Bolder' });
      expect(textsOf(card)).to.include.members([
        'Product 0 ${i}',
        'and 28 more products: "adoption report --customer" or the export lists them all',
      ]);
      expect(cardProblems(card)).to.deep.equal([]);
      expect(teamsSize(reply!.activity)).to.be.below(MAX_CARD_BYTES);
    });
  });
}

describe('lists longer than a card', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ demo: false })));
  after(() => h.close());

  it('says it cannot tell what is new when no subscription in the cache has a creation date', async () => {
    expect(textsOf(cardOf((await h.say('any new customers?'))[0]))).to.deep.equal([
      'No subscription in the cache has a creation date, so I cannot tell what is new.',
      "The dates come with the customers' subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported yet.",
    ]);
  });

  // 30 customers without E3, each below 60% deployment: Customer 29 sold the most (39), Customer 00 the fewest.
  before(async () => {
    const records: DeploymentRecord[] = Array.from({ length: 30 }, (_, i) => ({
      kind: 'deployment',
      key: `basic|${i}`,
      customer: { tenantId: `tenant-${i}`, name: `Customer ${String(i).padStart(2, '0')}` },
      source: 'pc-analytics',
      asOf: '2026-11-24T00:00:00.000Z',
      product: 'Microsoft 365 Business Basic',
      sold: 10 + i,
      assigned: 5,
    }));
    const e3: DeploymentRecord = {
      ...records[0]!,
      key: 'e3',
      customer: { tenantId: 'tenant-e3', name: 'E3 Customer' },
      product: 'Office 365 E3',
      assigned: 10,
    };
    await h.storage.cache.upsert([...records, e3]);
  });

  /** The customer rows' names. */
  const rowNames = (texts: string[]): string[] => texts.filter((t) => /^Customer \d\d$/.test(t));
  /** The card's own buttons, not the rows' Open. */
  const cardButtons = (card: unknown) => buttonsOf(card).filter((b) => b.verb !== 'customer');

  it('shows 25 customers, which ones they are, and the command line that lists them all, with the words asked', async () => {
    const without = cardOf((await h.say("who doesn't have E3?"))[0]);
    const texts = textsOf(without);
    expect(texts[0]).to.equal('30 customers without E3');
    expect(texts.at(-1)).to.equal('Showing 1–25 of 30; the command line lists them all: adoption report --without E3');
    // The largest first: Customer 29 has 39 licenses sold.
    expect(rowNames(texts)).to.have.length(25);
    expect(rowNames(texts)[0]).to.equal('Customer 29');
    expect(rowNames(texts).at(-1)).to.equal('Customer 05');
    expect(cardButtons(without).map((b) => [b.title, b.verb, b.data])).to.deep.equal([
      ['Next 5', 'page', { ask: "who doesn't have E3?", from: 25 }],
      ['Show portfolio', 'portfolio', {}],
    ]);
    // In a channel the question goes on without the bot's @mention.
    const inChannel = cardOf((await h.say("who doesn't have E3?", { scope: 'channel' }))[0]);
    expect(cardButtons(inChannel)[0]!.data).to.deep.equal({ ask: "who doesn't have E3?", from: 25 });
    const basic = textsOf(cardOf((await h.say('who bought business basic?'))[0]));
    expect(basic.at(-1)).to.equal('Showing 1–25 of 30; the command line lists them all: adoption report --product "business basic"');
  });

  it('turns the page in place: the next rows, then back to the first', async () => {
    const next = await h.invoke('page', { ask: "who doesn't have E3?", from: 25 });
    expect(next.status).to.equal(200);
    const texts = textsOf(next.body.value);
    expect(texts[0]).to.equal('30 customers without E3');
    expect(rowNames(texts)).to.deep.equal(['Customer 04', 'Customer 03', 'Customer 02', 'Customer 01', 'Customer 00']);
    expect(texts.at(-1)).to.equal('Showing 26–30 of 30; the command line lists them all: adoption report --without E3');
    expect(cardButtons(next.body.value).map((b) => [b.title, b.data])).to.deep.equal([
      ['Previous 25', { ask: "who doesn't have E3?", from: 0 }],
      ['Show portfolio', {}],
    ]);
    const back = await h.invoke('page', cardButtons(next.body.value)[0]!.data);
    expect(rowNames(textsOf(back.body.value))[0]).to.equal('Customer 29');
    expect(cardProblems(next.body.value)).to.deep.equal([]);
  });

  it('turns the last list shown to this person here when "more" or "previous" is typed', async () => {
    const say = async (text: string, conversationId = 'typed-more'): Promise<string[]> =>
      textsOf(cardOf((await h.say(text, { conversationId })).at(-1)));
    expect(rowNames(await say("who doesn't have E3?"))).to.have.length(25);
    const rest = await say('more');
    expect(rest[0]).to.equal('30 customers without E3');
    expect(rowNames(rest)).to.deep.equal(['Customer 04', 'Customer 03', 'Customer 02', 'Customer 01', 'Customer 00']);
    expect(await say('next page')).to.deep.equal(['That was the last page of "30 customers without E3".', '"previous" goes back a page.']);
    expect(rowNames(await say('previous'))[0]).to.equal('Customer 29');
    expect((await say('go back'))[0]).to.equal('That was the first page of "30 customers without E3".');
    // Someone else in the conversation, or the same person elsewhere, has no list yet.
    expect((await say('more', 'typed-more-elsewhere'))[0]).to.equal('No list to continue here.');
    // A list a button showed, or a page it turned, is the one "more" goes on from; a refreshed card does not end it.
    const low = await h.invoke('low-adoption', {}, { conversationId: 'typed-more-button' });
    await h.invoke('refresh', { key: 'tenant-0' }, { conversationId: 'typed-more-button' });
    expect(rowNames(await say('more', 'typed-more-button'))).to.have.length(5);
    await h.invoke('page', cardButtons(low.body.value)[0]!.data, { conversationId: 'typed-more-button' });
    expect((await say('more', 'typed-more-button'))[0]).to.equal('That was the last page of "30 customers with low adoption".');
    expect(rowNames(await say('top 3 by deployment'))).to.deep.equal(['Customer 00', 'Customer 01']);
    expect(await say('more')).to.deep.equal([
      'That was the whole list: "Deployment: the highest 3 of 31 customers".',
      'Ask another question, or "all customers" for every customer A to Z.',
    ]);
    // A typed answer without a list ends it.
    await say('portfolio');
    expect((await say('more'))[0]).to.equal('No list to continue here.');
  });

  it('pages a list a button asked for, by asking that button again', async () => {
    const low = await h.invoke('low-adoption', {});
    const texts = textsOf(low.body.value);
    expect(texts[0]).to.equal('30 customers with low adoption');
    const [next] = cardButtons(low.body.value);
    expect(next).to.deep.equal({ title: 'Next 5', verb: 'page', data: { button: '{"verb":"low-adoption","data":{}}', from: 25 } });
    const rest = textsOf((await h.invoke('page', next!.data)).body.value);
    expect(rest[0]).to.equal('30 customers with low adoption');
    // Worst first: Customer 29's 5 of 39 (12.8%) leads, so the last page ends with the best, Customer 00 (50%).
    expect(rowNames(rest)).to.deep.equal(['Customer 04', 'Customer 03', 'Customer 02', 'Customer 01', 'Customer 00']);
  });

  it('sends an alert digest of 25 rows, and says which lists hold the rest', async () => {
    await h.say('alerts on', { conversationId: 'digest-of-30' });
    h.connector.clear();
    expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(30);
    const digest = cardOf(h.connector.to('a:1personal-digest-of-30')[0]);
    expect(textsOf(digest)[0]).to.equal('30 customers need attention');
    expect(rowNames(textsOf(digest))).to.have.length(25);
    expect(textsOf(digest)).to.include(
      'and 5 more: "low adoption", "who dropped?", "renewals at risk" and "which subscriptions need attention?" list them.',
    );
    expect(cardProblems(digest)).to.deep.equal([]);
  });

  it('carries a question on its page buttons as read: spaces collapsed, case kept', async () => {
    const spaced = cardOf((await h.say("who   doesn't have\n E3?"))[0]);
    expect(cardButtons(spaced)[0]!.data).to.deep.equal({ ask: "who doesn't have E3?", from: 25 });
  });

  it('shows the last rows for a page the list no longer reaches, and refuses a page of anything but a question', async () => {
    const past = textsOf((await h.invoke('page', { ask: "who doesn't have E3?", from: 50 })).body.value);
    expect(past.at(-1)).to.equal('Showing 26–30 of 30; the command line lists them all: adoption report --without E3');
    // A page button never changes a setting, whatever its text says.
    const muted = await h.invoke('page', { ask: 'mute Customer 01 for 2 weeks', from: 0 });
    expect(muted.body.statusCode).to.equal(400);
    for (const data of [
      { ask: 'low adoption', from: -25 },
      { ask: 'low adoption', from: '25' },
      { button: '{"verb":"page","data":{}}', from: 0 },
      { button: '{"verb":"mute","data":{"key":"tenant-1"}}', from: 0 },
      { button: 'not json', from: 0 },
      { from: 0 },
    ]) {
      expect((await h.invoke('page', data)).body.statusCode, JSON.stringify(data)).to.equal(400);
    }
  });
});

describe('what is asked of one customer with several products, in chat', () => {
  let h: Harness;
  const customer = { tenantId: 't-gamma', name: 'Gamma Ltd' };
  const base = { customer, asOf: '2026-11-24T00:00:00.000Z' };
  const deployment = (product: string, sold: number, assigned: number): DeploymentRecord => ({
    ...base,
    kind: 'deployment',
    key: `gamma|${product}`,
    source: 'pc-analytics',
    product,
    sold,
    assigned,
  });
  const usage = (product: string, workload: string, active: number, entitled: number | null): UsageRecord => ({
    ...base,
    kind: 'usage',
    key: `gamma|${product}|${workload}`,
    source: entitled === null ? 'graph-yammer-user-detail' : 'pc-analytics',
    product,
    workload,
    active,
    entitled,
  });
  before(async () => {
    h = await startHarness({ demo: false });
    await h.storage.cache.upsert([
      deployment('Office 365 E3', 50, 40),
      deployment('Microsoft 365 Business Premium', 20, 10),
      usage('Office 365 E3', 'Teams', 30, 40),
      usage('Microsoft 365 Business Premium', 'Teams', 5, 10),
      usage('Office 365 E3', 'Yammer', 12, null),
      {
        ...base,
        kind: 'subscription',
        key: 'gamma|sub-1',
        source: 'pc-subscriptions',
        subscriptionId: 'sub-1',
        offerKey: 'e3',
        offerName: 'Office 365 E3',
        status: 'active',
        quantity: 50,
        isTrial: false,
        attentionNeeded: false,
        billingCycle: 'monthly',
        creationDate: null,
        renewsOn: '2026-10-01T00:00:00Z',
      },
      // A new customer (every subscription created in the last 30 days), and Gamma's new one beside its undated one.
      subscription('zeta-e3', {
        customer: { tenantId: 't-zeta', name: 'Zeta Ltd' },
        key: 'zeta|e3',
        offerName: 'Office 365 E3',
        quantity: 20,
        creationDate: '2026-11-10T09:00:00Z',
      }),
      subscription('zeta-trial', {
        customer: { tenantId: 't-zeta', name: 'Zeta Ltd' },
        key: 'zeta|trial',
        offerName: 'Teams Premium',
        quantity: 5,
        isTrial: true,
        creationDate: '2026-11-01T09:00:00Z',
      }),
      subscription('gamma-e5', { customer, key: 'gamma|sub-2', offerName: 'Microsoft 365 E5', creationDate: '2026-11-12T00:00:00Z' }),
      // A name that ends like a question about a customer ("Delta health"), beside that customer.
      ...[
        { tenantId: 't-delta', name: 'Delta Ltd', sold: 10, assigned: 9 },
        { tenantId: 't-delta-health', name: 'Delta Health', sold: 10, assigned: 5 },
        // More assigned than sold (a license moved before the old one was freed).
        { tenantId: 't-epsilon', name: 'Epsilon Ltd', sold: 10, assigned: 12 },
      ].map(({ tenantId, name, sold, assigned }): DeploymentRecord => ({
        ...deployment('Office 365 E3', sold, assigned),
        customer: { tenantId, name },
        key: `${tenantId}|e3`,
      })),
    ]);
  });
  after(() => h.close());

  it('lists a customer whose every subscription is recent as new, and one that only added a subscription as buying', async () => {
    const summary = async (text: string): Promise<string> => String((await h.say(text))[0]!.activity['summary']);
    expect(await summary('which customers are new?')).to.equal('1 customer new in the last 30 days');
    const card = cardOf((await h.say('which customers are new?'))[0]);
    expect(textsOf(card).slice(5, 7)).to.deep.equal([
      'Zeta Ltd',
      'Office 365 E3, 20 seats, 2026-11-10 · Teams Premium (trial), 5 seats, 2026-11-01',
    ]);
    expect(await summary('new subscriptions')).to.equal('2 customers with a new subscription in the last 30 days');
    // With no dated subscription in the span asked, nobody: Zeta's came after the last week.
    expect(await summary('who is new this week?')).to.equal('No customer is new in the last 7 days.');
  });

  it('opens a customer whose whole name reads like a question about another', async () => {
    const said = async (text: string): Promise<string> => String((await h.say(text))[0]!.activity['summary']);
    expect(await said('Delta Health')).to.equal('Delta Health: deployment 50%, usage —');
    expect(await said('delta health?')).to.equal('Delta Health: deployment 50%, usage —');
    expect(await said('Delta Ltd health')).to.equal(
      'Delta Ltd: Not low: deployment 90% (low under 60%); deployment at or above 90% is an upsell opportunity.',
    );
    expect(await said('is Delta Health low?')).to.equal('Delta Health: Low adoption: deployment 50% is under the 60% threshold.');
  });

  it('says how many more licenses are assigned than sold, never a negative count', async () => {
    expect(String((await h.say('how many seats does Epsilon have?'))[0]!.activity['summary'])).to.equal(
      'Epsilon Ltd: 10 Office 365 E3 licenses sold: 12 assigned (deployment 120%), 2 more assigned than sold.',
    );
    const texts = textsOf(cardOf((await h.say('compare Epsilon and Delta Ltd'))[0]));
    const at = texts.indexOf('Licenses unassigned');
    expect(texts.slice(at, at + 3)).to.deep.equal(['Licenses unassigned', 'none (2 more assigned than sold)', '1']);
  });

  it('answers a workload, licenses and renewals over every product, and says what the data does not count', async () => {
    const line = async (text: string): Promise<string> => textsOf(cardOf((await h.say(text))[0]))[2]!;
    expect(await line('Teams usage at Gamma')).to.equal(
      'Teams usage 70% (35 of 50 entitlements active) in the last 28 days. By product: Office 365 E3: 30 of 40 · Microsoft 365 Business Premium: 5 of 10.',
    );
    expect(await line('is Gamma using Yammer?')).to.equal(
      'Yammer: 12 active in the last 28 days, and no Yammer entitlements counted, so no percent.',
    );
    expect(await line('how many seats does Gamma have?')).to.equal(
      '70 licenses sold: 50 assigned (deployment 71.4%), 20 unassigned. By product: Office 365 E3: 40 of 50 · Microsoft 365 Business Premium: 10 of 20.',
    );
    const premium = cardOf((await h.say("Gamma's Business Premium usage"))[0]);
    const answer =
      'Microsoft 365 Business Premium: 10 of 20 licenses assigned (deployment 50%), 10 unassigned; usage 50% (5 of 10 entitlements active).';
    expect(textsOf(premium)[2]).to.equal(answer);
    const refresh = (premium as { refresh: { action: { verb: string; data: object } } }).refresh.action;
    expect(refresh.data).to.deep.equal({ key: 't-gamma', focus: 'product', product: 'Business Premium' });
    expect(textsOf((await h.invoke(refresh.verb, refresh.data)).body.value)[2]).to.equal(answer);
    expect(await line('when does Gamma renew?')).to.equal(
      'No renewal ahead: none of its live subscriptions in the cache has a term end date after today.',
    );
  });
});

describe('customers known from Teams usage alone, in chat', () => {
  let h: Harness;
  const teams = (tenantId: string, name: string, active: number): UsageRecord => ({
    kind: 'usage',
    key: `${tenantId}|teams`,
    customer: { tenantId, name },
    source: 'pc-analytics',
    asOf: '2026-11-24T00:00:00.000Z',
    product: 'Office 365 E3',
    workload: 'Teams',
    active,
    entitled: 100,
  });
  before(async () => {
    h = await startHarness({ demo: false });
    await h.storage.cache.upsert([teams('t-alpha', 'Alpha Ltd', 40), teams('t-beta', 'Beta Ltd', 70)]);
  });
  after(() => h.close());

  it('lists whose Teams usage went down once syncs kept it, and says so while none did', async () => {
    const weekAgo = (usagePercent: number, workloadUsage?: Record<string, number>) => ({
      day: '2026-11-18',
      deploymentPercent: null,
      usagePercent,
      ...(workloadUsage && { workloadUsage }),
    });
    // Points kept before workloads were: usage only.
    await h.storage.cache.recordHistory([
      { customerKey: 't-alpha', point: weekAgo(55) },
      { customerKey: 't-beta', point: weekAgo(65) },
    ]);
    const none = cardOf((await h.say('has Teams usage gone down?'))[0]);
    expect(textsOf(none)).to.deep.equal([
      'No Teams usage history yet',
      'Each sync keeps every workload\'s usage from this version on, and no sync before today kept Teams usage. "Who dropped?" compares deployment and usage, which the history has from further back.',
    ]);
    await h.storage.cache.recordHistory([
      { customerKey: 't-alpha', point: weekAgo(55, { Teams: 55 }) },
      { customerKey: 't-beta', point: weekAgo(65, { Teams: 65 }) },
    ]);
    const fell = textsOf(cardOf((await h.say('who dropped in Teams usage?'))[0]));
    expect(fell.slice(0, 2)).to.deep.equal([
      '1 customer whose Teams usage went down',
      'Teams usage lower than at the newest sync a week or more before today (or the oldest one), biggest move first. Each sync adds a day to the history.',
    ]);
    expect(fell.filter((t) => t.includes('(since '))).to.deep.equal(['Teams usage ▼ down 15 pts in 7 days (since 2026-11-18)']);
    const rose = textsOf(cardOf((await h.say("which customers' Teams usage went up more than 5 points?"))[0]));
    expect(rose[0]).to.equal("No customer's Teams usage went up by more than 5 points");
  });

  it('lists the customers with no figures for a number, each with where its data comes from', async () => {
    const card = cardOf((await h.say('which customers have no deployment data?'))[0]);
    expect(textsOf(card).filter((t) => !t.startsWith('No licenses sold in any source'))).to.deep.equal([
      '2 customers without deployment figures',
      'Customer (most licenses first)',
      'Deployment',
      'Usage',
      'Alpha Ltd',
      'Partner Center analytics',
      '—',
      '40%',
      'Beta Ltd',
      'Partner Center analytics',
      '—',
      '70%',
    ]);
    expect(cardProblems(card)).to.deep.equal([]);
    // Nobody lacks them: the title alone, no explanation of rows that are not there.
    const none = cardOf((await h.say('customers with no usage data'))[0]);
    expect(textsOf(none)).to.deep.equal(['Every customer has usage figures']);
    expect(cardProblems(none)).to.deep.equal([]);
    expect((await h.say('which customers have no data?'))[0]!.activity['summary']).to.equal(
      'Every customer has deployment or usage figures',
    );
    // A customer known from its subscriptions alone has neither number.
    await h.storage.cache.upsert([
      subscription('gamma', { key: 'subscription|t-gamma|gamma', customer: { tenantId: 't-gamma', name: 'Gamma Ltd' } }),
    ]);
    const gamma = cardOf((await h.say('which customers have no data?'))[0]);
    expect(textsOf(gamma)).to.deep.equal([
      '1 customer without deployment or usage figures',
      'Neither licenses sold nor entitlements counted by any source (known from subscriptions or service requests alone): import Partner Center analytics, or subscribed SKUs and a Graph usage report, for them. Each row says where its data comes from.',
      'Customer (most licenses first)',
      ...['Deployment', 'Usage', 'Gamma Ltd', 'Partner Center subscriptions', '—', '—'],
    ]);
    expect(cardProblems(gamma)).to.deep.equal([]);
  });
});

describe("Partner Center's partner-wide figures in chat", () => {
  let h: Harness;
  before(async () => (h = await startHarness({ demo: false })));
  after(() => h.close());

  it('shows them on the portfolio card, before any customer is in and beside the customers after', async () => {
    expect(textsOf(cardOf((await h.say('portfolio'))[0]))[0]).to.equal('No customers in the cache yet.');
    await h.t.import([doc('partner-licenses-deployment.json'), doc('partner-licenses-usage.json')]);
    const alone = cardOf((await h.say('portfolio'))[0]);
    const figures = [
      "Partner Center's partner-wide figures (legacy analytics, prorated)",
      'Deployment, crm: 0% of 343 licenses sold (as of 2017-03-10)',
      'Deployment, o365: 100% of 4,464 licenses sold (as of 2017-03-14)',
      'Usage, crm Dynamics: 0% (as of 2017-03-10)',
      'Usage, crm SharePoint with OneDrive: 0% (as of 2017-03-10)',
      'Usage, o365 Exchange: 0% (as of 2017-03-09)',
      'Usage, o365 SharePoint with OneDrive: 0% (as of 2017-03-09)',
      'Usage, o365 Skype for Business: 0% (as of 2017-03-09)',
    ];
    expect(textsOf(alone)).to.deep.equal(['Portfolio: 0 customers', `Computed 2026-11-25 from the cache · worst first`, ...figures]);
    expect(cardProblems(alone)).to.deep.equal([]);
    // Questions about customers still say there are none.
    expect(textsOf(cardOf((await h.say('adoption for Contoso'))[0]))[0]).to.equal('No customers in the cache yet.');

    await loadDemo(h.storage.cache, NOW);
    const both = textsOf(cardOf((await h.say('portfolio'))[0]));
    expect(both[0]).to.equal('Portfolio: 12 customers');
    expect(both.slice(-figures.length)).to.deep.equal(figures);
  });
});
