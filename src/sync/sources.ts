import type { SyncConfig } from '../config.js';
import { GraphTenantClient } from '../data/sources/graph.js';
import { PartnerCenterClient } from '../data/sources/partner-center.js';
import { TenantTokens } from '../data/sources/tokens.js';
import type { SyncSources } from './run-sync.js';

/** The real clients, from configuration: one Partner Center client, one Graph client per customer tenant. */
export function syncSources(sync: SyncConfig): SyncSources {
  const credentials = { authorityHost: sync.authorityHost, clientId: sync.clientId, clientSecret: sync.clientSecret };
  const partnerCenter = new PartnerCenterClient(
    sync.partnerCenterUrl,
    new TenantTokens(credentials, sync.partnerTenantId),
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
