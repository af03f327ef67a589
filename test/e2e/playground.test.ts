import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { launchChromium, localOnly } from '../../src/tools/headless-chromium.js';
import { playgroundCli } from '../../src/tools/playground-cli.js';
import { startHarness, type Harness } from '../bot/harness.js';
import { BACKENDS } from '../shared-azurite.js';
import { freePort } from '../helpers.js';

/** A real Teams-like client: the Microsoft 365 Agents Playground, driven in headless Chromium. */

async function startPlayground(botUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [playgroundCli(), '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(await freePort()), '--disable-telemetry'],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the playground did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the playground exited (${code}):\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

for (const backend of BACKENDS) {
  describe(`chatting in the Microsoft 365 Agents Playground (headless Chromium) (${backend})`, function () {
    this.timeout(90_000);
    let h: Harness;
    let playground: { child: ChildProcess; url: string };
    let browser: Browser;

    before(async () => {
      h = await startHarness({ storage: backend });
      playground = await startPlayground(h.bot.url);
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      playground?.child.kill('SIGTERM');
      await h?.close();
    });

    it('shows the welcome, answers "adoption for Contoso" with the card\'s numbers, opens the portfolio from its button and a count\'s customers from it', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
      await localOnly(page);
      await page.goto(playground.url);
      await page.getByText("Hi, I'm Adoption").waitFor({ timeout: 20_000 });

      const box = page.getByRole('textbox');
      await box.click();
      await page.keyboard.type('adoption for Contoso');
      await page.keyboard.press('Enter');
      await page.getByText('285 of 300 licenses assigned').waitFor({ timeout: 15_000 });
      expect(await page.getByText('761 of 855 entitlements active').count()).to.equal(1);
      expect(await page.getByText('Contoso Ltd', { exact: true }).count()).to.equal(1);
      expect(await page.getByText('OFFICE 365 ENTERPRISE E3').count()).to.equal(1);

      await page.getByRole('button', { name: 'Show portfolio' }).last().click();
      await page.getByText('Portfolio: 12 customers').waitFor({ timeout: 15_000 });
      expect(await page.getByText('83.8% (905 of 1,080 licenses assigned)').count()).to.equal(1);

      // The last count on the portfolio card is "Training courses (upsell): 4 customers"; Show lists them.
      await page.getByRole('button', { name: 'Show', exact: true }).last().click();
      await page.getByText('4 customers: Training courses (upsell)').waitFor({ timeout: 15_000 });
      expect(await page.getByText('deployment 94.3% is at or above 90%').count()).to.equal(1);
      expect(h.errors).to.deep.equal([]);
    });
  });
}
