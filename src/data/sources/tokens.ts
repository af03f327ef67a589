import { ConfidentialClientApplication, type AuthenticationResult } from '@azure/msal-node';

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
  ) {
    const host = new URL(credentials.authorityHost);
    this.client = new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        authority: new URL(tenantId, `${host.origin}/`).toString(),
        knownAuthorities: [host.host],
      },
    });
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

  /** App+User, from the refresh token an admin gave once. */
  async user(scope: string, refreshToken: string, hint: string): Promise<string> {
    const key = `user ${scope}`;
    const hit = this.fresh(key);
    if (hit) return hit;
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
