import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { LOGIN_PORT, type Config } from '../config.js';
import { PARTNER_CENTER_RESOURCE, TokenError } from '../data/sources/tokens.js';
import { partnerTokens, TOKEN_CACHE_FILE } from '../sync/sources.js';
import type { Output } from './output.js';

/**
 * `adoption login`: an admin agent signs in once (authorization code flow back to a local
 * redirect); msal keeps the account and its refresh token in the data folder, and the sync then
 * gets App+User tokens silently, the refresh token rotated and saved on every use.
 */
export async function runLogin(config: Config, output: Output, port = LOGIN_PORT): Promise<number> {
  if (config.sync === null) {
    output.err(`adoption login needs ${config.syncMissing.join(', ')}. See "Setting up the sync" in the README.`);
    return 2;
  }
  await mkdir(config.dataDir, { recursive: true });
  const tokens = partnerTokens(config.sync, config.dataDir);
  const scope = `${PARTNER_CENTER_RESOURCE}/user_impersonation`;
  const redirectUri = `http://localhost:${port}/callback`;
  const server = createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  try {
    output.out(
      `Open this address in a browser and sign in as an admin agent of the partner tenant:\n${await tokens.signInUrl(scope, redirectUri)}`,
    );
    const code = await new Promise<string>((resolve, reject) => {
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        if (url.pathname !== '/callback') {
          res.writeHead(404).end();
          return;
        }
        const error = url.searchParams.get('error');
        const code = url.searchParams.get('code');
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(code ? 'Signed in. You can close this tab.' : `Not signed in: ${url.searchParams.get('error_description') ?? error}`);
        if (code) resolve(code);
        else reject(new TokenError(`the sign-in came back without a code (${error ?? 'no error given'})`, 'Run "adoption login" again.'));
      });
    });
    const who = await tokens.signIn(scope, code, redirectUri);
    output.out(
      `Signed in as ${who}. The sync will use this sign-in for Partner Center analytics (tokens kept in ${join(config.dataDir, TOKEN_CACHE_FILE)}).`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    output.err(`${error.message}. ${error.hint}`);
    return 1;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
