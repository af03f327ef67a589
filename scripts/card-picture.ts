import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { launchChromium, localOnly } from '../src/tools/headless-chromium.js';
import { createLogger } from '../src/logging/logger.js';
import { playgroundCli } from '../src/tools/playground-cli.js';

/**
 * `npx tsx scripts/card-picture.ts`: the README's picture of a real card. Starts the bot on the demo
 * portfolio and the Agents Playground, asks for Northwind Traders in headless Chromium, and saves the card
 * as docs/customer-card.png. Needs /usr/bin/chromium (or CHROMIUM_PATH).
 */
const dir = await mkdtemp(join(tmpdir(), 'adoption-picture-'));
const quiet = createLogger({ level: 'error' });
const bot = await startApp({ ...loadConfig({ ADOPTION_DATA_DIR: dir }), port: 3979 }, quiet);
const playground = spawn(
  process.execPath,
  [playgroundCli(), '-e', 'http://127.0.0.1:3979/api/messages', '-c', 'msteams', '-p', '56199', '--disable-telemetry'],
  {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'ignore',
  },
);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2600 } });
  await localOnly(page);
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto('http://127.0.0.1:56199');
      break;
    } catch (error) {
      if (attempt > 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await page.getByRole('textbox').click();
  await page.keyboard.type('adoption for Northwind');
  await page.keyboard.press('Enter');
  await page.getByText('licenses assigned').last().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(1500);
  const card = page.locator('.ac-adaptiveCard').last();
  await card.screenshot({ path: 'docs/customer-card.png' });
  console.log('wrote docs/customer-card.png');
} finally {
  await browser.close();
  playground.kill('SIGTERM');
  await bot.close();
  await rm(dir, { recursive: true, force: true });
}
