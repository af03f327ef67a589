import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { openStorage, type Storage } from '../../src/data/store/storage.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { openBotState } from '../../src/proactive/bot-state.js';
import { startAzurite, type RunningAzurite } from '../../src/tools/azurite.js';
import { LocalConnector } from '../../src/tools/local-connector.js';
import { conversationFor, teamsMessage, textsOf, cardOf, type Scope } from '../bot/harness.js';
import { freePort } from '../helpers.js';

const run = promisify(execFile);
const CONTAINER = 'multi';
const CONTOSO = '00000001-0000-4000-8000-c0ffee000001';
const CHANNEL = '19:general@thread.tacv2';

/**
 * Two bot processes on different ports sharing one Azurite container, with `adoption alerts run`
 * processes as the instances that evaluate (the same Alerts.run the bot calls after its sync).
 */
describe('two bot instances sharing Azure Blob Storage (Azurite)', function () {
  this.timeout(180_000);
  let azurite: RunningAzurite;
  let connector: LocalConnector;
  let dir: string;
  let storage: Storage;
  let env: NodeJS.ProcessEnv;
  const bots: { url: string; child: ChildProcess }[] = [];

  before(async () => {
    azurite = await startAzurite();
    connector = await LocalConnector.start();
    dir = await mkdtemp(join(tmpdir(), 'adoption-multi-'));
    env = {
      ...process.env,
      ADOPTION_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      ADOPTION_BLOB_CONTAINER: CONTAINER,
      ADOPTION_DATA_DIR: dir,
      LOG_LEVEL: 'warn',
    };
    storage = await openStorage({ kind: 'blob', connectionString: azurite.connectionString, container: CONTAINER });
    await loadDemo(storage.cache, new Date());
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env: { ...env, PORT: String(port) }, stdio: 'ignore' });
      const url = `http://127.0.0.1:${port}`;
      for (let tries = 0; ; tries++) {
        const up = await fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        if (tries > 100) throw new Error(`bot ${i} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      bots.push({ url, child });
    }
  });
  after(async () => {
    for (const { child } of bots) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    await connector.close();
    await azurite.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = async (bot: number, activity: object): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${bots[bot]!.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  const say = (bot: number, text: string, scope: Scope, id: string): Promise<{ status: number }> =>
    post(bot, teamsMessage(connector.url, text, scope, scope !== 'personal', conversationFor(scope, id)));
  const adoption = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env });
  const perConversation = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const s of connector.sent) counts.set(s.conversationId, (counts.get(s.conversationId) ?? 0) + 1);
    return counts;
  };

  it('answers on both, and a link made through one is used by the other', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => say(i % 2, 'portfolio', 'personal', `both-${i}`)));
    expect(answers.map((a) => a.status)).to.deep.equal(Array(20).fill(200));
    expect(connector.sent.filter((s) => s.activity['type'] === 'message')).to.have.length(20);

    expect((await say(0, 'link this channel to contoso', 'channel', 'link')).status).to.equal(200);
    // The other instance revalidates its copy of the state at most a second later.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    connector.clear();
    const shared = await post(1, {
      ...teamsMessage(connector.url, '', 'personal', false, conversationFor('personal', 'sharer')),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'share', data: { key: CONTOSO } }, trigger: 'manual' },
    });
    expect(textsOf((shared.body as { value: unknown }).value)[2]).to.equal('Shared to a channel of Account team.');
    expect(connector.to(CHANNEL).map((s) => textsOf(cardOf(s))[2])).to.deep.equal(['Shared by Megan Bowen']);
  });

  it('delivers each alert exactly once when both instances evaluate at the same time', async () => {
    const conversations = 60;
    for (let i = 0; i < conversations; i++) await say(Math.random() < 0.5 ? 0 : 1, 'alerts on for coho', 'personal', `sub-${i}`);
    const state = await openBotState(storage);
    expect((await state.read()).subscriptions).to.have.length(conversations);
    connector.clear();
    const [first, second] = await Promise.all([adoption('alerts', 'run'), adoption('alerts', 'run')]);
    const alerts = perConversation();
    expect(alerts.size).to.equal(conversations);
    expect([...alerts.values()].every((n) => n === 1)).to.equal(true);
    const evaluated = [first.stdout, second.stdout].map((out) => /Alerts: (\d+) customer alert/.exec(out)?.[1]);
    expect(evaluated.sort()).to.deep.equal(['0', String(conversations)]);
  });

  it('loses nothing when an instance is killed in the middle of a fan-out', async () => {
    const conversations = 120;
    for (let i = 0; i < conversations; i++) await say(i % 2, 'alerts on for fabrikam', 'personal', `kill-${i}`);
    connector.clear();
    connector.latencyMs = 20;
    const doomed = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'alerts', 'run'], { env, stdio: 'ignore' });
    await connector.waitFor(() => connector.sent.length >= 30, 60_000);
    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    // Sends that reached the connector before the kill are recorded once its latency has passed.
    await new Promise((resolve) => setTimeout(resolve, 10 * connector.latencyMs));
    const sentBeforeKill = connector.sent.length;
    const receipts = (await storage.log('alert-receipts').readAll()).length;
    connector.latencyMs = 0;
    // Another instance takes over once the dead one's outbox lease runs out (15 s).
    let stdout = '';
    for (let tries = 0; tries < 40; tries++) {
      ({ stdout } = await adoption('alerts', 'run'));
      if (!stdout.includes('Another process is delivering')) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(stdout).to.contain(`Delivered ${conversations - receipts}, parked 0.`);
    const alerts = perConversation();
    expect(alerts.size).to.equal(conversations);
    // Only the sends that were in flight without a receipt went twice.
    expect(connector.sent.length - conversations).to.equal(sentBeforeKill - receipts);
    const outbox = (
      await (
        await openBotState(await openStorage({ kind: 'blob', connectionString: azurite.connectionString, container: CONTAINER }))
      ).read()
    ).outbox;
    expect(outbox.filter((e) => e.status === 'pending')).to.deep.equal([]);
  });
});
