import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClientSecretCredential } from '@azure/identity';
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { graphReportPace } from './pace.js';
import type { AppCredentials } from './tokens.js';

/** The 30-day user reports the sync downloads, as CSV (the M365 apps report says so in its query). */
export const GRAPH_REPORTS = {
  getOffice365ActiveUserDetail: "/reports/getOffice365ActiveUserDetail(period='D30')",
  getTeamsUserActivityUserDetail: "/reports/getTeamsUserActivityUserDetail(period='D30')",
  getYammerActivityUserDetail: "/reports/getYammerActivityUserDetail(period='D30')",
  getM365AppUserDetail: "/reports/getM365AppUserDetail(period='D30')?$format=text/csv",
} as const;
export type GraphReport = keyof typeof GRAPH_REPORTS;

/**
 * Microsoft Graph in one customer tenant, through the Graph SDK with client credentials for that
 * tenant (the partner's app, consented there through GDAP). The SDK's middleware retries with
 * Retry-After and follows the report's 302 to its download URL, dropping the Authorization header
 * on the way (a test checks the download server never sees one). Report requests are paced under
 * Graph's limit of about 14 per 10 minutes per app and tenant.
 */
export class GraphTenantClient {
  private readonly client: Client;
  private readonly reports = graphReportPace();

  constructor(
    graphUrl: string,
    credentials: AppCredentials,
    readonly tenantId: string,
  ) {
    const credential = new ClientSecretCredential(tenantId, credentials.clientId, credentials.clientSecret, {
      authorityHost: credentials.authorityHost,
      disableInstanceDiscovery: true,
    });
    this.client = Client.initWithMiddleware({
      authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] }),
      baseUrl: graphUrl,
      customHosts: new Set([new URL(graphUrl).hostname]),
      defaultVersion: 'v1.0',
    });
  }

  /** GET /subscribedSkus as JSON text. */
  async subscribedSkus(): Promise<string> {
    return JSON.stringify(await this.client.api('/subscribedSkus').get());
  }

  /** GET /directory/subscriptions (trial flags and states of every commercial subscription) as JSON text. */
  async directorySubscriptions(): Promise<string> {
    return JSON.stringify(await this.client.api('/directory/subscriptions').get());
  }

  /** A 30-day user report streamed to a file (the download is CSV with a byte-order mark). */
  async report(name: GraphReport, path: string): Promise<void> {
    const body = (await this.reports.schedule(() => this.client.api(GRAPH_REPORTS[name]).responseType(ResponseType.STREAM).get())) as
      ReadableStream<Uint8Array> | NodeJS.ReadableStream;
    const readable = body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
    await pipeline(readable, createWriteStream(path));
  }
}
