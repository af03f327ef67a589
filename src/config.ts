import { CronPattern } from 'croner';
import type { AccessPolicy } from './access/access-policy.js';
import type { StorageConfig } from './data/store/storage.js';
import { DEFAULT_LINKS, DEFAULT_THRESHOLDS, type AdviceLinks, type Thresholds } from './metrics/thresholds.js';

/** Every environment variable the tool reads, parsed and checked in one place. */
/** The bot's identity in Azure Bot Service; all empty means local mode (no tokens checked or sent). */
export interface BotAuth {
  readonly MicrosoftAppId?: string;
  readonly MicrosoftAppPassword?: string;
  readonly MicrosoftAppType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly MicrosoftAppTenantId?: string;
  /**
   * Where the keys that sign the channel's tokens are published (botbuilder's own setting); unset
   * means Bot Framework's public cloud. For national clouds, and for tests with a local key server.
   */
  readonly ToBotFromChannelOpenIdMetadataUrl?: string;
}

/** Where and as whom `adoption sync` reads Partner Center and Microsoft Graph. */
export interface SyncConfig {
  readonly partnerCenterUrl: string;
  readonly graphUrl: string;
  readonly authorityHost: string;
  readonly partnerTenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** An admin agent's refresh token, when not signed in with "adoption login". */
  readonly refreshToken: string | null;
  /** Partner Center requests a minute the sync allows itself. */
  readonly partnerCenterRequestsPerMinute: number;
}

export interface Config {
  readonly dataDir: string;
  /** lowdb files in dataDir (default) or Azure Blob Storage (ADOPTION_STORAGE=blob). */
  readonly storage: StorageConfig;
  /** Null until the sync's credentials are set; `missing` names what is not. */
  readonly sync: SyncConfig | null;
  readonly syncMissing: readonly string[];
  /** When the bot syncs by itself (a cron pattern in UTC); null when the sync is not configured or is "off". */
  readonly syncSchedule: string | null;
  readonly port: number;
  readonly auth: BotAuth;
  readonly thresholds: Thresholds;
  readonly links: AdviceLinks;
  readonly alerts: AlertConfig;
  /** Which tenants and people may use the bot. */
  readonly access: AccessPolicy;
}

/** Proactive alerts: when a customer is worth a message, and how hard to try sending it. */
export interface AlertConfig {
  /** A fall of more than this many points since the previous sync alerts. */
  readonly dropPoints: number;
  /** Days before the same customer and condition alerts the same conversation again (unless worse). */
  readonly repeatDays: number;
  /** A term or trial ending within this many days alerts with usage or deployment under the threshold, or auto-renew off (0: never). */
  readonly renewalDays: number;
  /** Tries per alert before it is parked as failed. */
  readonly sendAttempts: number;
}

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function number(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name} must be a non-negative number, not "${raw}".`);
  return value;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  try {
    return new URL(raw).toString();
  } catch {
    throw new ConfigError(`${name} must be a URL, not "${raw}".`);
  }
}

function port(env: Env): number {
  const raw = env['PORT']?.trim();
  if (!raw) return 3978;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new ConfigError(`PORT must be a port number, not "${raw}".`);
  return value;
}

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

function auth(env: Env): BotAuth {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const appId = value('MicrosoftAppId');
  const password = value('MicrosoftAppPassword');
  const tenantId = value('MicrosoftAppTenantId');
  const rawType = value('MicrosoftAppType');
  const appType = APP_TYPES.find((t) => t.toLowerCase() === rawType?.toLowerCase());
  if (rawType !== undefined && appType === undefined) {
    throw new ConfigError(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')}, not "${rawType}".`);
  }
  if (appId === undefined) {
    if (password !== undefined || tenantId !== undefined) {
      throw new ConfigError(
        'MicrosoftAppPassword or MicrosoftAppTenantId is set without MicrosoftAppId: set the app id too, or clear them all for local mode.',
      );
    }
    return {};
  }
  if (appType !== 'UserAssignedMSI' && password === undefined) {
    throw new ConfigError("MicrosoftAppId is set without MicrosoftAppPassword: add the client secret of the bot's Entra app.");
  }
  if (appType !== undefined && appType !== 'MultiTenant' && tenantId === undefined) {
    throw new ConfigError(`MicrosoftAppType ${appType} needs MicrosoftAppTenantId.`);
  }
  const metadata = value('ToBotFromChannelOpenIdMetadataUrl');
  return {
    ...(metadata === undefined ? {} : { ToBotFromChannelOpenIdMetadataUrl: url(env, 'ToBotFromChannelOpenIdMetadataUrl', metadata) }),
    MicrosoftAppId: appId,
    ...(password === undefined ? {} : { MicrosoftAppPassword: password }),
    ...(appType === undefined ? {} : { MicrosoftAppType: appType }),
    ...(tenantId === undefined ? {} : { MicrosoftAppTenantId: tenantId }),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A comma- or space-separated list, lower-cased; null when unset. */
function list(env: Env, name: string, valid: (item: string) => boolean, what: string): ReadonlySet<string> | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  const items = raw.split(/[\s,;]+/).filter(Boolean);
  const wrong = items.filter((item) => !valid(item));
  if (wrong.length > 0) throw new ConfigError(`${name} must list ${what}; these are not: ${wrong.join(', ')}.`);
  return new Set(items.map((item) => item.toLowerCase()));
}

function access(env: Env, registered: boolean): AccessPolicy {
  const allowedTenants = list(env, 'ADOPTION_ALLOWED_TENANTS', (t) => GUID.test(t), 'tenant ids (GUIDs)');
  if (allowedTenants === null && registered) {
    throw new ConfigError(
      "MicrosoftAppId is set, so the bot can be reached from any Teams tenant: set ADOPTION_ALLOWED_TENANTS to your partner tenant's id (comma-separated if several).",
    );
  }
  const person = (p: string): boolean => GUID.test(p) || UPN.test(p);
  const admins = list(env, 'ADOPTION_ADMINS', person, 'Entra object ids or user principal names');
  const agents = list(env, 'ADOPTION_AGENTS', person, 'Entra object ids or user principal names');
  if (agents !== null && admins === null) {
    throw new ConfigError(
      'ADOPTION_AGENTS is set without ADOPTION_ADMINS: nobody could manage alerts or channel links. Set ADOPTION_ADMINS too.',
    );
  }
  return { allowedTenants, admins, agents };
}

/** Blob container names: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

function storage(env: Env): StorageConfig {
  const kind = env['ADOPTION_STORAGE']?.trim().toLowerCase() || 'lowdb';
  if (kind === 'lowdb') return { kind, dataDir: env['ADOPTION_DATA_DIR']?.trim() || './data' };
  if (kind !== 'blob') throw new ConfigError(`ADOPTION_STORAGE must be "lowdb" (the default) or "blob", not "${kind}".`);
  const connectionString = env['AZURE_STORAGE_CONNECTION_STRING']?.trim() ?? '';
  if (connectionString === '') {
    throw new ConfigError(
      "ADOPTION_STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING (the storage account's connection string, from Access keys in the Azure portal).",
    );
  }
  const container = env['ADOPTION_BLOB_CONTAINER']?.trim() || 'adoption';
  if (!CONTAINER.test(container)) {
    throw new ConfigError(
      `ADOPTION_BLOB_CONTAINER must be a container name (3-63 lower-case letters, digits, hyphens), not "${container}".`,
    );
  }
  return { kind, connectionString, container };
}

const SYNC_SECRETS = ['ADOPTION_PARTNER_TENANT_ID', 'ADOPTION_CLIENT_ID', 'ADOPTION_CLIENT_SECRET'] as const;

function sync(env: Env): { sync: SyncConfig | null; syncMissing: string[] } {
  const value = (name: string): string => env[name]?.trim() ?? '';
  const missing = SYNC_SECRETS.filter((name) => value(name) === '');
  const base = (name: string, fallback: string): string => url(env, name, fallback).replace(/\/+$/, '');
  const urls = {
    partnerCenterUrl: base('PARTNER_CENTER_BASE_URL', 'https://api.partnercenter.microsoft.com'),
    graphUrl: base('GRAPH_BASE_URL', 'https://graph.microsoft.com'),
    authorityHost: base('AZURE_AUTHORITY_HOST', 'https://login.microsoftonline.com'),
  };
  if (missing.length > 0) return { sync: null, syncMissing: missing };
  return {
    sync: {
      ...urls,
      partnerTenantId: value('ADOPTION_PARTNER_TENANT_ID'),
      clientId: value('ADOPTION_CLIENT_ID'),
      clientSecret: value('ADOPTION_CLIENT_SECRET'),
      refreshToken: value('ADOPTION_PARTNER_REFRESH_TOKEN') || null,
      partnerCenterRequestsPerMinute: number(env, 'ADOPTION_PC_REQUESTS_PER_MINUTE', 500),
    },
    syncMissing: [],
  };
}

/** Daily at 06:00 UTC, once the sync is configured. */
export const DEFAULT_SYNC_SCHEDULE = '0 6 * * *';

/** The port `adoption login`'s sign-in comes back to: register http://localhost:53682/callback on the app (or pass --port). */
export const LOGIN_PORT = 53682;

function schedule(env: Env, configured: boolean, missing: readonly string[]): string | null {
  const raw = env['ADOPTION_SYNC_SCHEDULE']?.trim();
  if (raw?.toLowerCase() === 'off') return null;
  if (!raw) return configured ? DEFAULT_SYNC_SCHEDULE : null;
  try {
    new CronPattern(raw);
  } catch (error) {
    throw new ConfigError(
      `ADOPTION_SYNC_SCHEDULE must be a cron pattern such as "0 6 * * *" (06:00 UTC every day) or "off", not "${raw}" (${(error as Error).message}).`,
    );
  }
  if (!configured) throw new ConfigError(`ADOPTION_SYNC_SCHEDULE is set, but the sync also needs ${missing.join(', ')}.`);
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const synced = sync(env);
  const botAuth = auth(env);
  return {
    ...synced,
    syncSchedule: schedule(env, synced.sync !== null, synced.syncMissing),
    dataDir: env['ADOPTION_DATA_DIR']?.trim() || './data',
    storage: storage(env),
    port: port(env),
    auth: botAuth,
    access: access(env, botAuth.MicrosoftAppId !== undefined),
    thresholds: {
      usageLowPercent: number(env, 'ADOPTION_USAGE_LOW_PERCENT', DEFAULT_THRESHOLDS.usageLowPercent),
      deploymentLowPercent: number(env, 'ADOPTION_DEPLOYMENT_LOW_PERCENT', DEFAULT_THRESHOLDS.deploymentLowPercent),
      upsellDeploymentPercent: number(env, 'ADOPTION_UPSELL_DEPLOYMENT_PERCENT', DEFAULT_THRESHOLDS.upsellDeploymentPercent),
      supportRequests30Days: number(env, 'ADOPTION_SUPPORT_REQUESTS_30D', DEFAULT_THRESHOLDS.supportRequests30Days),
      staleDays: number(env, 'ADOPTION_STALE_DAYS', DEFAULT_THRESHOLDS.staleDays),
    },
    alerts: {
      dropPoints: number(env, 'ADOPTION_ALERT_DROP_POINTS', 10),
      repeatDays: number(env, 'ADOPTION_ALERT_REPEAT_DAYS', 7),
      renewalDays: number(env, 'ADOPTION_ALERT_RENEWAL_DAYS', 30),
      sendAttempts: Math.max(1, Math.round(number(env, 'ADOPTION_ALERT_SEND_ATTEMPTS', 6))),
    },
    links: {
      adoptionContent: url(env, 'ADOPTION_CONTENT_URL', DEFAULT_LINKS.adoptionContent),
      training: url(env, 'ADOPTION_TRAINING_URL', DEFAULT_LINKS.training),
      selfSupport: url(env, 'ADOPTION_SELF_SUPPORT_URL', DEFAULT_LINKS.selfSupport),
    },
  };
}
