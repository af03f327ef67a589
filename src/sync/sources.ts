import { join } from 'node:path';
import type { SyncConfig } from '../config.js';
import { GraphTenantClient } from '../data/sources/graph.js';
import { PartnerCenterClient } from '../data/sources/partner-center.js';
import { TenantTokens } from '../data/sources/tokens.js';
import type { SyncSources } from './run-sync.js';

/** msal's token cache in the data folder: the admin's sign-in and the refresh token Entra rotates. */
export const TOKEN_CACHE_FILE = 'partner-center-tokens.json';

/** The partner tenant's tokens (app-only and App+User), cached in the data folder. */
export function partnerTokens(sync: SyncConfig, dataDir: string): TenantTokens {
  const credentials = { authorityHost: sync.authorityHost, clientId: sync.clientId, clientSecret: sync.clientSecret };
  return new TenantTokens(credentials, sync.partnerTenantId, join(dataDir, TOKEN_CACHE_FILE));
}

/** The real clients, from configuration: one Partner Center client, one Graph client per customer tenant. */
export function syncSources(sync: SyncConfig, dataDir: string): SyncSources {
  const credentials = { authorityHost: sync.authorityHost, clientId: sync.clientId, clientSecret: sync.clientSecret };
  const partnerCenter = new PartnerCenterClient(
    sync.partnerCenterUrl,
    partnerTokens(sync, dataDir),
    sync.refreshToken,
    sync.partnerCenterRequestsPerMinute,
  );
  const graphs = new Map<string, GraphTenantClient>();
  return {
    partnerCenter,
    graph(tenantId) {
      let client = graphs.get(tenantId);
      if (!client) {
        client = new GraphTenantClient(sync.graphUrl, credentials, tenantId);
        graphs.set(tenantId, client);
      }
      return client;
    },
  };
}
