#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig, LOGIN_PORT, type Config } from '../config.js';
import { FLAG_CODES, RECOMMENDATION_CODES } from '../metrics/report-types.js';
import type { PercentMeasure } from '../metrics/percent-filter.js';
import { monthNumber, quarterNamed, RENEWAL_DAYS, type FixedSpan } from '../metrics/renewals.js';
import { MOST_SOLD, type ProductOrder } from '../metrics/products.js';
import { TRIAL_ACTION_DAYS } from '../metrics/findings.js';
import { WORKLOADS, workloadNamedIn } from '../data/workloads.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { UnreadableCacheError } from '../data/store/cache-store.js';
import type { Storage } from '../data/store/storage.js';
import { processOutput, type Output } from './output.js';
import type { ReportOptions } from './report-command.js';
import { UnreadableStateError } from '../data/store/state-store.js';

/**
 * The command line: a second face on the same core the bot uses. Wiring only. Each command loads
 * its modules when it runs, so `adoption report` does not wait for botbuilder, MSAL and the Graph
 * client to load (about a second on every call) when only `sync`, `login` and `alerts` use them.
 */

function percentArgument(value: string): number {
  const n = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('give a percent such as 40');
  return n;
}

function pointsArgument(value: string): number {
  const n = Number(value.replace(/ ?(?:points?|pts?)$/, ''));
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('give a number of points, such as 5');
  return n;
}

function measureArgument(value: string): PercentMeasure {
  const word = value.trim().toLowerCase();
  if (word === 'deployment' || word === 'usage') return { kind: word };
  const workload = workloadNamedIn(value);
  if (workload === null) {
    throw new InvalidArgumentError(`give deployment, usage or a workload: ${Object.values(WORKLOADS).join(', ')}`);
  }
  return { kind: 'workload', workload };
}

function daysArgument(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a whole number of days, such as 30');
  return n;
}

/** `--renewing 30` (days ahead), `--renewing december` or `--renewing q1` (that month or calendar quarter, its next occurrence). */
function renewingArgument(value: string): FixedSpan {
  const month = monthNumber(value);
  if (month > 0) return { first: month, months: 1, whole: true };
  const quarter = quarterNamed(value, true);
  if (quarter) return quarter;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1)
    throw new InvalidArgumentError('give a whole number of days, such as 30, a month, such as december, or a quarter, such as q1');
  return { days };
}

/** A parser for a whole count of `what`, such as `example`. */
const countArgument =
  (what: string, example: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`give a whole number of ${what}, such as ${example}`);
    return n;
  };
const seatsArgument = countArgument('licenses', 100);

function dayArgument(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('give a day as YYYY-MM-DD');
  }
  return value;
}

async function openStore(config: Config, output: Output, withDemo: boolean): Promise<AdoptionStore> {
  return (await openCliStorage(config, output, withDemo)).cache;
}

/** The configuration with the thresholds in force: those an admin changed in chat (the bot's state) over the configured ones. */
async function inForce(config: Config, storage: Storage): Promise<Config> {
  const [{ openBotState }, { withOverrides }] = await Promise.all([
    import('../proactive/bot-state.js'),
    import('../metrics/thresholds.js'),
  ]);
  const changed = (await (await openBotState(storage)).read()).thresholds?.values;
  return { ...config, thresholds: withOverrides(config.thresholds, changed) };
}

/** The cache (the demo's when it is empty), and the configuration with the thresholds in force. */
async function openReading(config: Config, output: Output): Promise<{ store: AdoptionStore; config: Config }> {
  const storage = await openCliStorage(config, output, true);
  return { store: storage.cache, config: await inForce(config, storage) };
}

async function openCliStorage(config: Config, output: Output, withDemo: boolean): Promise<Storage> {
  const { openStorage } = await import('../data/store/storage.js');
  const storage = await openStorage(config.storage);
  const store = storage.cache;
  if (withDemo && (await store.isEmpty())) {
    output.err(`The cache in ${storage.where} is empty: loading the demo portfolio (import your own files with \`adoption import\`).`);
    const { loadDemo } = await import('../demo/load-demo.js');
    await loadDemo(store, new Date());
  }
  return storage;
}

export function buildProgram(config: Config, output: Output, setExitCode: (code: number) => void): Command {
  const program = new Command('adoption')
    .description('License deployment and usage for Microsoft CSP partners: import exports, read the numbers, see what to do.')
    .showHelpAfterError();

  program
    .command('import')
    .description('read exported Partner Center / Microsoft Graph files into the cache (kind recognized from content)')
    .option('--customer <name>', 'the customer per-tenant files belong to')
    .option('--tenant <id>', "the customer's tenant id")
    .argument('<files...>')
    .action(async (files: string[], options: { customer?: string; tenant?: string }) => {
      const store = await openStore(config, output, false);
      const { runImport } = await import('./import-command.js');
      setExitCode(await runImport(store, files, options, new Date(), output));
    });

  program
    .command('report')
    .description('deployment and usage per customer, with explanations and suggested actions')
    .option('--customer <name>', 'one customer (case-insensitive, partial names and small typos forgiven)')
    .option(
      '--below <percent>',
      'only customers whose deployment or usage (or --measure) is below this percent, lowest first',
      percentArgument,
    )
    .option(
      '--above <percent>',
      'only customers whose deployment and usage (or --measure) are above this percent, highest first',
      percentArgument,
    )
    .option('--at-most <percent>', 'like --below, the percent itself included (--at-most 0: nobody active)', percentArgument)
    .option('--at-least <percent>', 'like --above, the percent itself included', percentArgument)
    .option(
      '--measure <what>',
      "what --below, --above, --at-most and --at-least read: deployment, usage, or one workload's usage (teams, exchange, sharepoint, yammer ...); and what --falling, --rising and --moving read; alone, every customer with that number, lowest first",
      measureArgument,
    )
    .addOption(
      new Option('--with <code>', 'only customers with this explanation or suggested action, worst first').choices([
        ...FLAG_CODES,
        ...RECOMMENDATION_CODES,
      ]),
    )
    .addOption(
      new Option(
        '--falling',
        'only customers whose deployment or usage (or --measure) fell since the sync --days or more ago, the biggest fall first',
      ).conflicts(['rising', 'moving']),
    )
    .addOption(
      new Option(
        '--rising',
        'only customers whose deployment or usage (or --measure) rose since the sync --days or more ago, the biggest rise first',
      ).conflicts('moving'),
    )
    .option(
      '--moving',
      'only customers whose deployment or usage (or --measure) moved either way since the sync --days or more ago, the biggest move first',
    )
    .option(
      '--more-than <points>',
      'with --falling, --rising or --moving: only moves of more than this many points (of --measure, if given)',
      pointsArgument,
    )
    .option('--days <days>', 'how far back trends look: the newest sync this many days or more before today (default 7)', daysArgument)
    .option(
      '--actions',
      `only customers with a suggested action, a subscription needing attention, a trial ending within ${TRIAL_ACTION_DAYS} days or old data, the most urgent first`,
    )
    .option('--unassigned', 'only customers with licenses sold and not assigned, the most first (of the --product named, if any)')
    .option(
      '--inactive',
      'only customers with entitlements nobody used in the last 28 days, the most first (of the --product named, if any)',
    )
    .option('--attention', 'only customers with a subscription in grace period, suspended, disabled or expired, the most such first')
    .option(
      '--requests-above <count>',
      'only customers with more than this many service requests in the last 30 days (0: any), the most first',
      countArgument('service requests', 3),
    )
    .addOption(
      new Option('--largest', 'only customers with licenses sold, the most first (of the --product named, if any)').conflicts('smallest'),
    )
    .option('--smallest', 'only customers with licenses sold, the fewest first (of the --product named, if any)')
    .addOption(
      new Option('--seats-above <count>', 'only customers with more than this many licenses sold')
        .argParser(seatsArgument)
        .conflicts('seatsBelow'),
    )
    .addOption(new Option('--seats-below <count>', 'only customers with fewer than this many licenses sold').argParser(seatsArgument))
    .option(
      '--renewing <days|month|quarter>',
      'only customers with a subscription whose term (or trial) ends within this many days, or in that month (december) or calendar quarter (q1), the soonest first',
      renewingArgument,
    )
    .addOption(
      new Option('--trials', `only trials ending: within --renewing days (default ${RENEWAL_DAYS})`).implies({
        renewing: { days: RENEWAL_DAYS },
      }),
    )
    .addOption(
      new Option('--lapsing', `only subscriptions ending with auto-renew off: within --renewing days (default ${RENEWAL_DAYS})`)
        .implies({ renewing: { days: RENEWAL_DAYS } })
        .conflicts('trials'),
    )
    .addOption(
      new Option(
        '--at-risk',
        `only renewals at risk: of customers with deployment or usage under its threshold, or with auto-renew off; within --renewing days (default ${RENEWAL_DAYS})`,
      )
        .implies({ renewing: { days: RENEWAL_DAYS } })
        .conflicts(['trials', 'lapsing']),
    )
    .addOption(
      new Option(
        '--new-customers <days>',
        'only customers whose every subscription was created in the last this many days, the newest first',
      )
        .argParser(daysArgument)
        .conflicts('newSubscriptions'),
    )
    .option(
      '--new-subscriptions <days>',
      'only customers with a subscription created in the last this many days, the newest first',
      daysArgument,
    )
    .option('--product <words>', 'only customers with a product whose name has every word (e3, "business premium", "dynamics 365 sales")')
    .option(
      '--without <words>',
      "only customers without a product named so, or without a workload's entitlements (teams, yammer ...), the most licenses first",
    )
    .option('--by-name', 'the customers A to Z by name (after the options above choose them)')
    .option('--json', 'machine-readable output')
    .action(async (options: ReportOptions) => {
      const reading = await openReading(config, output);
      const { runReport } = await import('./report-command.js');
      setExitCode(runReport(await reading.store.records(), await reading.store.history(), options, new Date(), reading.config, output));
    });

  program
    .command('export')
    .description('the whole portfolio, one row per customer x product x workload')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { format: 'csv' | 'json'; out?: string }) => {
      const reading = await openReading(config, output);
      const { runExport } = await import('./export-command.js');
      setExitCode(await runExport(await reading.store.records(), options, new Date(), reading.config, output));
    });

  program
    .command('login')
    .description('an admin agent signs in once, so the sync can read Partner Center analytics (App+User)')
    .option('--port <port>', `local port the sign-in comes back to (default ${LOGIN_PORT})`, (v) => Number(v))
    .action(async (options: { port?: number }) => {
      const { runLogin } = await import('./login-command.js');
      setExitCode(await runLogin(config, output, options.port));
    });

  program
    .command('sync')
    .description('pull every customer (or one) from Partner Center and Microsoft Graph into the cache')
    .option('--customer <name>', 'one customer, by its Partner Center name (forgiving)')
    .option(
      '--since <date>',
      'leave out customers already synced on or after this day (YYYY-MM-DD): finishes a sync that stopped',
      dayArgument,
    )
    .action(async (options: { customer?: string; since?: string }) => {
      const storage = await openCliStorage(config, output, false);
      const { runSyncCommand } = await import('./sync-command.js');
      setExitCode(await runSyncCommand(config, storage, options, output, process.stderr.isTTY ? process.stderr : null));
    });

  program
    .command('products')
    .description('every product over the customers: customers, licenses sold and assigned, usage; the most sold first')
    .addOption(new Option('--measure <what>', 'list the products by this number instead, lowest first').choices(['deployment', 'usage']))
    .option('--highest', 'with --measure: the highest first')
    .option('--json', 'machine-readable output')
    .action(async (options: { measure?: 'deployment' | 'usage'; highest?: boolean; json?: boolean }, command: Command) => {
      if (options.highest && options.measure === undefined)
        command.error('error: --highest lists by --measure: add --measure deployment or usage');
      const order: ProductOrder =
        options.measure === undefined ? MOST_SOLD : { by: options.measure, order: options.highest ? 'highest' : 'lowest' };
      const reading = await openReading(config, output);
      const { runProducts } = await import('./products-command.js');
      setExitCode(runProducts(await reading.store.records(), order, options.json === true, new Date(), reading.config, output));
    });

  program
    .command('workloads')
    .description(
      'every workload over the customers: its usage (active of entitled), customers, and how many are low in it; the lowest first',
    )
    .option('--highest', 'the highest usage first')
    .option('--json', 'machine-readable output')
    .action(async (options: { highest?: boolean; json?: boolean }) => {
      const reading = await openReading(config, output);
      const { runWorkloads } = await import('./workloads-command.js');
      setExitCode(
        runWorkloads(
          await reading.store.records(),
          options.highest ? 'highest' : 'lowest',
          options.json === true,
          new Date(),
          reading.config,
          output,
        ),
      );
    });

  program
    .command('status')
    .description('how fresh the data is, where it comes from, the sync schedule and the last sync (exit 1 if it failed)')
    .action(async () => {
      const storage = await openCliStorage(config, output, false);
      const { runStatus } = await import('./status-command.js');
      setExitCode(await runStatus(await inForce(config, storage), storage, new Date(), output));
    });

  const alerts = program.command('alerts').description('proactive low-adoption alerts to the Teams chats and channels that asked for them');
  alerts
    .command('run')
    .description('evaluate every subscription now and deliver the alerts (the bot does this after each sync)')
    .action(async () => {
      const storage = await openCliStorage(config, output, true);
      const [{ runAlerts }, { openBotState }] = await Promise.all([import('./alerts-command.js'), import('../proactive/bot-state.js')]);
      setExitCode(await runAlerts(config, storage, await openBotState(storage), output));
    });
  alerts
    .command('status')
    .description('subscriptions, the outbox, and every alert parked as failed with its reason')
    .action(async () => {
      const [{ showAlertStatus }, { openBotState }] = await Promise.all([
        import('./alerts-command.js'),
        import('../proactive/bot-state.js'),
      ]);
      setExitCode(await showAlertStatus(await openBotState(await openCliStorage(config, output, false)), output));
    });

  program
    .command('demo')
    .description('load the demo portfolio (a dozen fictional customers) into the cache')
    .action(async () => {
      const store = await openStore(config, output, false);
      const [{ loadDemo }, { describeOutcome }] = await Promise.all([import('../demo/load-demo.js'), import('./import-command.js')]);
      const outcomes = await loadDemo(store, new Date());
      outcomes.forEach((o) => output.out(describeOutcome(o)));
      setExitCode(outcomes.every((o) => o.ok) ? 0 : 1);
    });
  return program;
}

async function main(): Promise<void> {
  try {
    const config = loadConfig();
    await buildProgram(config, processOutput, (code) => (process.exitCode = code)).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UnreadableCacheError || error instanceof UnreadableStateError) {
      processOutput.err(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

await main();
