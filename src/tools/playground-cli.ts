import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Agents Playground's command-line entry, from its package. */
export function playgroundCli(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@microsoft/m365agentsplayground/package.json');
  return join(dirname(pkg), 'cli.js');
}
