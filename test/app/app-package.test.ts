import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import sinon from 'sinon';
import { COMMAND_GUIDE, guideFor, type Scope } from '../../src/cards/command-guide.js';
import { parseCommand, TYPED_COMMANDS } from '../../src/commands/command.js';
import { fillManifest, placeholderValues, schemaErrors, AppPackageError } from '../../src/tools/app-package.js';

const run = promisify(execFile);

const ENV = {
  MicrosoftAppId: '0b7c1f3e-5d2a-4c8e-9f61-2a3b4c5d6e7f',
  ADOPTION_BOT_DOMAIN: 'https://adoption.contoso-partners.com/api/messages',
  ADOPTION_PUBLISHER_NAME: 'Contoso Partners',
  ADOPTION_PUBLISHER_URL: 'https://contoso-partners.com',
};

type Manifest = ReturnType<typeof fillManifest> & {
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  composeExtensions: { botId: string; commands: { id: string; type: string; parameters: { name: string }[] }[] }[];
  validDomains: string[];
};

async function filled(): Promise<Manifest> {
  return fillManifest(await readFile('appPackage/manifest.json', 'utf8'), placeholderValues(ENV, '0.1.0')) as Manifest;
}

const MANIFEST_SCOPE: Record<Scope, string> = { personal: 'personal', groupChat: 'groupChat', channel: 'team' };

describe('Teams app package', () => {
  afterEach(() => sinon.restore());

  it('fills every placeholder and matches the bundled v1.29 schema without fetching it', async () => {
    const fetch = sinon.stub(globalThis, 'fetch').rejects(new Error('the schema must come from the package, not the network'));
    const manifest = await filled();
    expect(manifest.$schema).to.equal('https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json');
    expect(await schemaErrors(manifest)).to.deep.equal([]);
    expect(fetch.called).to.equal(false);
    expect(manifest.id).to.equal(ENV.MicrosoftAppId);
    expect(manifest.bots[0]!.botId).to.equal(ENV.MicrosoftAppId);
    expect(manifest.composeExtensions[0]!.botId).to.equal(ENV.MicrosoftAppId);
    expect(manifest.validDomains).to.deep.equal(['adoption.contoso-partners.com']);
    expect(manifest.developer.privacyUrl).to.equal('https://contoso-partners.com/');
    expect(JSON.stringify(manifest)).not.to.contain('${{');
  });

  it('reports schema errors (a short description over 80 characters, a bot id that is no GUID)', async () => {
    const manifest = await filled();
    manifest.description.short = 'x'.repeat(81);
    manifest.bots[0]!.botId = 'not-a-guid';
    const errors = await schemaErrors(manifest);
    expect(errors.some((e) => e.startsWith('/description/short must NOT have more than 80 characters'))).to.equal(true, errors.join('\n'));
    expect(errors.some((e) => e.startsWith('/bots/0/botId must match pattern'))).to.equal(true, errors.join('\n'));
  });

  it('refuses missing settings, ids that are not GUIDs and placeholders without a value, naming them', async () => {
    expect(() => placeholderValues({}, '1.0.0')).to.throw(
      AppPackageError,
      'The app package needs MicrosoftAppId, ADOPTION_BOT_DOMAIN, ADOPTION_PUBLISHER_NAME, ADOPTION_PUBLISHER_URL',
    );
    expect(() => placeholderValues({ ...ENV, ADOPTION_TEAMS_APP_ID: 'adoption' }, '1.0.0')).to.throw(
      'ADOPTION_TEAMS_APP_ID must be a GUID',
    );
    expect(() => placeholderValues({ ...ENV, ADOPTION_PUBLISHER_URL: 'http://contoso.com' }, '1.0.0')).to.throw(
      'ADOPTION_PUBLISHER_URL must be an https:// address',
    );
    expect(() => fillManifest('{"id": "${{TEAMS_APP_ID}}", "x": "${{NOPE}}"}', { TEAMS_APP_ID: 'a' })).to.throw(
      'placeholders with no value: NOPE',
    );
    // A value cannot break out of its JSON string.
    expect(fillManifest('{"name": "${{PUBLISHER_NAME}}"}', { PUBLISHER_NAME: 'A "quoted" \\ name' })).to.deep.equal({
      name: 'A "quoted" \\ name',
    });
  });

  it('has a 192x192 opaque colour icon and a 32x32 outline icon that is white on transparent', async () => {
    const color = PNG.sync.read(await readFile('appPackage/color.png'));
    expect([color.width, color.height]).to.deep.equal([192, 192]);
    for (let i = 3; i < color.data.length; i += 4) expect(color.data[i]).to.equal(255);

    const outline = PNG.sync.read(await readFile('appPackage/outline.png'));
    expect([outline.width, outline.height]).to.deep.equal([32, 32]);
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) transparent++;
      else {
        drawn++;
        expect([r, g, b]).to.deep.equal([255, 255, 255]);
      }
    }
    expect(transparent).to.be.greaterThan(512);
    expect(drawn).to.be.greaterThan(100);
  });

  it('lists, per scope, exactly the commands the help card shows, and every typed command the bot understands', async () => {
    const manifest = await filled();
    const bot = manifest.bots[0]!;
    expect(bot.scopes).to.deep.equal(['personal', 'team', 'groupChat']);
    for (const scope of ['personal', 'groupChat', 'channel'] as const) {
      const list = bot.commandLists.find((l) => l.scopes.includes(MANIFEST_SCOPE[scope]));
      expect(list?.commands, scope).to.deep.equal(guideFor(scope).map((g) => ({ title: g.example, description: g.meaning })));
      // What Teams shows: at most 10 commands a scope, titles of at most 32 characters (stricter than the schema).
      expect(list!.commands.length, scope).to.be.at.most(10);
      for (const c of list!.commands) expect(c.title.length, c.title).to.be.at.most(32);
    }
    const kinds = COMMAND_GUIDE.map((g) => {
      const command = parseCommand(g.example);
      // A title that only works as a customer name would not be a command.
      if (command.kind === 'customer') expect(command.explicit, g.example).to.equal(true);
      return command.kind;
    });
    expect([...new Set(kinds)].sort()).to.deep.equal([...TYPED_COMMANDS].sort());
  });

  it('declares the customer search the message extension answers', async () => {
    const manifest = await filled();
    const command = manifest.composeExtensions[0]!.commands[0]!;
    expect(command).to.include({ id: 'searchCustomer', type: 'query' });
    expect(command.parameters.map((p) => p.name)).to.deep.equal(['customer']);
  });

  it('npm run package writes build/appPackage.zip with the filled manifest and both icons at its root', async function () {
    this.timeout(60_000);
    const env = { PATH: process.env['PATH'] };
    const refused = await run('npx', ['tsx', 'scripts/package-app.ts'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).to.include({ code: 1 });
    expect((refused as { stderr: string }).stderr).to.contain('The app package needs MicrosoftAppId');

    const { stdout } = await run('npx', ['tsx', 'scripts/package-app.ts'], { env: { ...env, ...ENV } });
    expect(stdout).to.contain(`build/appPackage.zip: "Adoption" 0.1.0, Teams app id ${ENV.MicrosoftAppId}.`);
    const files = unzipSync(await readFile('build/appPackage.zip'));
    expect(Object.keys(files).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
    expect(manifest.bots[0]!.botId).to.equal(ENV.MicrosoftAppId);
    expect(Buffer.from(files['color.png']!).equals(await readFile('appPackage/color.png'))).to.equal(true);
  });
});
