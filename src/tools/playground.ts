import { spawn } from 'node:child_process';
import { startApp } from '../app.js';
import { createLogger } from '../logging/logger.js';
import type { RunningServer } from '../bot/server.js';
import { loadConfig } from '../config.js';
import { playgroundCli } from './playground-cli.js';

const logger = createLogger();

/**
 * `npm run playground`: the Microsoft 365 Agents Playground (a Teams-like web client that runs
 * offline) against the bot. Uses a bot already answering on PORT, or starts one.
 * PLAYGROUND_PORT picks the web client's port (default 56150).
 */

async function botAnswers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  let bot: RunningServer | null = null;
  if (await botAnswers(config.port)) logger.info(`Using the bot already running on port ${config.port}.`);
  else bot = await startApp(config, logger);

  const endpoint = `http://127.0.0.1:${config.port}/api/messages`;
  const port = process.env['PLAYGROUND_PORT'] ?? '56150';
  const child = spawn(process.execPath, [playgroundCli(), '-e', endpoint, '-c', 'msteams', '-p', port, '--disable-telemetry'], {
    stdio: 'inherit',
  });
  logger.info(`Agents Playground on http://localhost:${port} (Ctrl+C stops both).`);
  const stop = (): void => {
    child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.once('exit', (code) => {
    void (bot?.close() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
  });
}

await main();
