import { readFile, writeFile } from 'node:fs/promises';
import { ConfidentialClientApplication, type AuthenticationResult, type ICachePlugin } from '@azure/msal-node';

/** Partner Center's resource: app-only calls ask for `.default`, App+User calls for user_impersonation. */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';

export interface AppCredentials {
  /** e.g. https://login.microsoftonline.com */
  readonly authorityHost: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Thrown when Entra ID refuses a token: what it said, and what the admin should do. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

function describe(error: unknown, hint: string): TokenError {
  const e = error as { errorCode?: string; errorMessage?: string; message?: string };
  const text = (e.errorMessage || e.message || String(error)).split('\n')[0]!;
  return new TokenError(`Microsoft Entra ID refused a token (${e.errorCode ?? 'error'}: ${text})`, hint);
}

/** One confidential client per tenant (msal-node), its tokens cached until shortly before they expire. */
export class TenantTokens {
  private readonly client: ConfidentialClientApplication;
  private readonly cached = new Map<string, AuthenticationResult>();

  constructor(
    credentials: AppCredentials,
    readonly tenantId: string,
    /** Where msal keeps its token cache between runs (an admin's sign-in and the refresh token Entra rotates); none = memory only. */
    cacheFile: string | null = null,
  ) {
    const host = new URL(credentials.authorityHost);
    this.client = new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        authority: new URL(tenantId, `${host.origin}/`).toString(),
        knownAuthorities: [host.host],
      },
      ...(cacheFile === null ? {} : { cache: { cachePlugin: fileCache(cacheFile) } }),
    });
  }

  /** The sign-in URL for an admin agent (authorization code flow, back to a local redirect). */
  signInUrl(scope: string, redirectUri: string): Promise<string> {
    return this.client.getAuthCodeUrl({ scopes: [scope, 'offline_access'], redirectUri, prompt: 'select_account' });
  }

  /** Redeems the code the sign-in sent back; the account and its refresh token land in the cache. */
  async signIn(scope: string, code: string, redirectUri: string): Promise<string> {
    try {
      const result = await this.client.acquireTokenByCode({ code, scopes: [scope, 'offline_access'], redirectUri });
      return result.account?.username ?? 'the admin';
    } catch (error) {
      throw describe(error, 'Sign in again with "adoption login", as an admin agent of the partner tenant.');
    }
  }

  private fresh(key: string): string | null {
    const hit = this.cached.get(key);
    return hit?.expiresOn && hit.expiresOn.getTime() - Date.now() > 5 * 60_000 ? hit.accessToken : null;
  }

  /** App-only (client credentials). */
  async appOnly(resource: string, hint: string): Promise<string> {
    const key = `app ${resource}`;
    const hit = this.fresh(key);
    if (hit) return hit;
    try {
      const result = await this.client.acquireTokenByClientCredential({ scopes: [`${resource}/.default`] });
      if (!result) throw new Error('no token in the answer');
      this.cached.set(key, result);
      return result.accessToken;
    } catch (error) {
      throw describe(error, hint);
    }
  }

  /**
   * App+User: silently for the admin who signed in with "adoption login" (msal refreshes with the
   * refresh token Entra rotated last time, kept in the cache file), else from a refresh token given
   * in the environment.
   */
  async user(scope: string, refreshToken: string | null, hint: string): Promise<string> {
    const key = `user ${scope}`;
    const hit = this.fresh(key);
    if (hit) return hit;
    const [account] = await this.client.getTokenCache().getAllAccounts();
    if (account) {
      const silent = await this.client.acquireTokenSilent({ account, scopes: [scope] }).catch(() => null);
      if (silent) {
        this.cached.set(key, silent);
        return silent.accessToken;
      }
    }
    if (refreshToken === null) throw new TokenError('no admin has signed in for Partner Center analytics', hint);
    try {
      const result = await this.client.acquireTokenByRefreshToken({ refreshToken, scopes: [scope] });
      if (!result) throw new Error('no token in the answer');
      this.cached.set(key, result);
      return result.accessToken;
    } catch (error) {
      throw describe(error, hint);
    }
  }
}

/** msal's token cache in a file only this user can read: it holds a refresh token. */
function fileCache(path: string): ICachePlugin {
  return {
    async beforeCacheAccess(context) {
      const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (text !== null) context.tokenCache.deserialize(text);
    },
    async afterCacheAccess(context) {
      if (context.cacheHasChanged) await writeFile(path, context.tokenCache.serialize(), { mode: 0o600 });
    },
  };
}
