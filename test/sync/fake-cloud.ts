import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { json, readBody } from '../../src/tools/http-bodies.js';

/**
 * Plays Microsoft Entra ID (token endpoint, OpenID metadata), Partner Center and Microsoft Graph
 * over HTTPS on 127.0.0.1, and the report download host over HTTP on 127.0.0.2, answering with the
 * shapes of the public docs. The sync process trusts its certificate through NODE_EXTRA_CA_CERTS.
 */

export interface FakeCustomer {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  /** No consent in the customer's tenant: Graph answers 401 Authorization_IdentityNotFound. */
  readonly noConsent?: boolean;
  readonly subscriptions: readonly object[];
  readonly subscribedSkus: readonly object[];
  readonly graphSkus: readonly object[];
  /** GET /directory/subscriptions items (companySubscription). */
  readonly directorySubscriptions?: readonly object[];
  /** CSV bodies (without the byte-order mark the download adds) by report function name. */
  readonly reports: Readonly<Record<string, string>>;
}

export interface Request {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly continuation: string | null;
}

export interface FakeCloudOptions {
  readonly customers: readonly FakeCustomer[];
  /** Rows of GET /v1/analytics/commercial/deployment/license, served in pages of `pageSize`. */
  readonly deployment: readonly object[];
  readonly usage: readonly object[];
  readonly pageSize: number;
  /** Page size of the per-customer collections (subscriptions ...); pageSize when not given. */
  readonly collectionPageSize?: number;
  /** Paths (without query) that answer 429 with Retry-After: 1 the first time they are asked. */
  readonly throttleOnce?: readonly string[];
  /** Paths that answer 503 the first time. */
  readonly failOnce?: readonly string[];
  /** Paths that never answer (a sync stuck there can only be killed). */
  readonly hang?: readonly string[];
}

export class FakeCloud {
  readonly requests: Request[] = [];
  /** Refresh tokens presented to the token endpoint, in order. */
  readonly refreshTokensPresented: string[] = [];
  private readonly issued = new Set<string>();
  private readonly throttled = new Set<string>();
  private readonly failed = new Set<string>();

  private constructor(
    private readonly options: FakeCloudOptions,
    private readonly https: Server,
    private readonly download: ReturnType<typeof createHttpServer>,
    readonly base: string,
    readonly downloadBase: string,
    readonly caFile: string,
  ) {}

  static async start(options: FakeCloudOptions, dir: string): Promise<FakeCloud> {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      notAfterDate: new Date(Date.now() + 2 * 86_400_000),
      keySize: 2048,
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ],
    });
    const caFile = join(dir, 'fake-cloud-ca.pem');
    await writeFile(caFile, pems.cert);
    let cloud: FakeCloud | null = null;
    const https = createHttpsServer({ key: pems.private, cert: pems.cert }, (req, res) => void cloud?.handle(req, res));
    https.listen(0, '127.0.0.1');
    await once(https, 'listening');
    const download = createHttpServer((req, res) => void cloud?.handleDownload(req, res));
    download.listen(0, '127.0.0.2');
    await once(download, 'listening');
    const base = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
    const downloadBase = `http://127.0.0.2:${(download.address() as AddressInfo).port}`;
    cloud = new FakeCloud(options, https, download, base, downloadBase, caFile);
    return cloud;
  }

  /** The environment a sync process needs to talk to this cloud. */
  env(): Record<string, string> {
    return {
      NODE_EXTRA_CA_CERTS: this.caFile,
      AZURE_AUTHORITY_HOST: this.base,
      PARTNER_CENTER_BASE_URL: this.base,
      GRAPH_BASE_URL: `${this.base}/graph`,
      ADOPTION_PARTNER_TENANT_ID: 'partner-tenant',
      ADOPTION_CLIENT_ID: 'app-client-id',
      ADOPTION_CLIENT_SECRET: 'app-client-secret',
      ADOPTION_PARTNER_REFRESH_TOKEN: 'refresh-token-from-admin',
    };
  }

  close(): Promise<void> {
    this.https.closeAllConnections();
    this.download.closeAllConnections();
    return Promise.all([
      new Promise<void>((resolve) => this.https.close(() => resolve())),
      new Promise<void>((resolve) => this.download.close(() => resolve())),
    ]).then(() => undefined);
  }

  private record(req: IncomingMessage, host: string, path: string): void {
    this.requests.push({
      method: req.method ?? 'GET',
      host,
      path,
      authorization: req.headers.authorization ?? null,
      continuation: (req.headers['ms-continuationtoken'] as string | undefined) ?? null,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const body = await readBody(req);
    this.record(req, 'cloud', url.pathname + url.search);
    const path = url.pathname;

    if (this.options.hang?.includes(path)) return;
    if (this.options.throttleOnce?.includes(path) && !this.throttled.has(path)) {
      this.throttled.add(path);
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Rate limit is exceeded.' } }));
    }
    if (this.options.failOnce?.includes(path) && !this.failed.has(path)) {
      this.failed.add(path);
      res.writeHead(503, { 'retry-after': '1', 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { code: 'ServiceUnavailable', message: 'Try again later.' } }));
    }

    // Microsoft Entra ID
    const openid = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (openid) {
      const tenant = openid[1]!;
      return json(res, 200, {
        token_endpoint: `${this.base}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${this.base}/${tenant}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${this.base}/${tenant}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${this.base}/${tenant}/oauth2/v2.0/logout`,
        issuer: `${this.base}/${tenant}/v2.0`,
        jwks_uri: `${this.base}/${tenant}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
      });
    }
    const authorize = /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/.exec(path);
    if (authorize) {
      // The admin signs in at once: back to the app's redirect with a code.
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'auth-code-from-sign-in');
      if (url.searchParams.get('state')) back.searchParams.set('state', url.searchParams.get('state')!);
      res.writeHead(302, { location: back.toString() });
      return void res.end();
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (token && req.method === 'POST') {
      const form = new URLSearchParams(body);
      const tenant = token[1]!;
      const grant = form.get('grant_type');
      if (form.get('client_secret') !== 'app-client-secret') {
        return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
      }
      const common = { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, scope: form.get('scope') ?? '' };
      if (grant === 'client_credentials') return json(res, 200, { ...common, access_token: `app-token.${tenant}` });
      if (grant === 'refresh_token' || grant === 'authorization_code') {
        if (grant === 'authorization_code' && form.get('code') !== 'auth-code-from-sign-in') {
          return json(res, 400, { error: 'invalid_grant', error_description: 'AADSTS70000: The provided authorization code is invalid.' });
        }
        if (grant === 'refresh_token') {
          const presented = form.get('refresh_token') ?? '';
          this.refreshTokensPresented.push(presented);
          if (presented !== 'refresh-token-from-admin' && !this.issued.has(presented)) {
            return json(res, 400, { error: 'invalid_grant', error_description: 'AADSTS70008: The refresh token has expired.' });
          }
        }
        const rotated = `refresh-token-rotated-${this.issued.size + 1}`;
        this.issued.add(rotated);
        return json(res, 200, {
          ...common,
          // Short-lived, so the next sync has to use the refresh token again.
          expires_in: 120,
          access_token: `user-token.${tenant}`,
          refresh_token: rotated,
          client_info: Buffer.from(JSON.stringify({ uid: 'admin-oid', utid: tenant })).toString('base64url'),
          id_token: unsignedJwt({
            aud: 'app-client-id',
            iss: `${this.base}/${tenant}/v2.0`,
            tid: tenant,
            oid: 'admin-oid',
            preferred_username: 'admin@partner.example',
            exp: Math.floor(Date.now() / 1000) + 3600,
            iat: Math.floor(Date.now() / 1000),
            nbf: Math.floor(Date.now() / 1000) - 60,
            ver: '2.0',
          }),
        });
      }
      return json(res, 400, { error: 'unsupported_grant_type' });
    }

    // Partner Center
    if (path.startsWith('/v1/')) {
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ')) return json(res, 401, { code: 401, description: 'Unauthorized' });
      return this.partnerCenter(path, url, req, res, auth);
    }

    // Microsoft Graph, one tenant per token
    if (path.startsWith('/graph/')) {
      const tenant = /^Bearer app-token\.(.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const customer = this.options.customers.find((c) => c.tenantId === tenant);
      if (!customer) return json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
      if (customer.noConsent) {
        return json(res, 401, {
          error: { code: 'Authorization_IdentityNotFound', message: 'The identity of the calling application could not be established.' },
        });
      }
      const graphPath = path.slice('/graph'.length);
      if (graphPath === '/v1.0/subscribedSkus')
        return json(res, 200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscribedSkus', value: customer.graphSkus });
      if (graphPath === '/v1.0/directory/subscriptions') {
        return json(res, 200, {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#directory/subscriptions',
          value: customer.directorySubscriptions ?? [],
        });
      }
      const report = /^\/v1\.0\/reports\/(get\w+)\(period='D30'\)$/.exec(graphPath);
      if (report && customer.reports[report[1]!] !== undefined) {
        res.writeHead(302, { location: `${this.downloadBase}/reports/${customer.tenantId}/${report[1]}.csv?sig=short-lived` });
        return void res.end();
      }
      return json(res, 404, { error: { code: 'ResourceNotFound', message: `no ${graphPath}` } });
    }
    json(res, 404, { error: { code: 'NotFound', message: `no ${path}` } });
  }

  private partnerCenter(path: string, url: URL, req: IncomingMessage, res: ServerResponse, auth: string): void {
    const { customers, pageSize } = this.options;
    if (path === '/v1/customers') {
      const items = customers.map((c) => ({
        id: c.id,
        companyProfile: {
          tenantId: c.tenantId,
          domain: `${c.id}.onmicrosoft.com`,
          companyName: c.name,
          attributes: { objectType: 'CustomerCompanyProfile' },
        },
        relationshipToPartner: 'reseller',
        attributes: { objectType: 'Customer' },
      }));
      return json(res, 200, this.collectionPage(items, `/v1/customers?size=${pageSize}`, req, pageSize));
    }
    const analytics = /^\/v1\/analytics\/commercial\/(deployment|usage)\/license\/?$/.exec(path);
    if (analytics) {
      if (!auth.startsWith('Bearer user-token.')) {
        return json(res, 403, { code: 403, description: 'This API needs App+User credentials.' });
      }
      const rows = analytics[1] === 'deployment' ? this.options.deployment : this.options.usage;
      const top = Number(url.searchParams.get('top') ?? 10000);
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const size = Math.min(top, pageSize);
      const page = rows.slice(skip, skip + size);
      const more = skip + size < rows.length;
      return json(res, 200, {
        Value: page,
        '@nextLink': more ? `${this.base}/v1/analytics/commercial/${analytics[1]}/license?top=${size}&skip=${skip + size}` : null,
        TotalCount: page.length,
      });
    }
    const perCustomer = /^\/v1\/customers\/([^/]+)\/(subscriptions|subscribedskus|servicerequests)$/.exec(path);
    if (perCustomer) {
      const customer = customers.find((c) => c.id === perCustomer[1]);
      if (!customer) return json(res, 404, { code: 2001, description: 'Customer not found.' });
      const all =
        perCustomer[2] === 'subscriptions' ? customer.subscriptions : perCustomer[2] === 'subscribedskus' ? customer.subscribedSkus : [];
      return json(res, 200, this.collectionPage(all, path, req, this.options.collectionPageSize ?? pageSize));
    }
    json(res, 404, { code: 404, description: `no ${path}` });
  }

  /** A page of a Partner Center collection: totalCount counts the page, links.next carries an MS-ContinuationToken. */
  private collectionPage(all: readonly object[], self: string, req: IncomingMessage, pageSize: number): object {
    const start = Number(req.headers['ms-continuationtoken'] ?? 0);
    const page = all.slice(start, start + pageSize);
    const next = start + pageSize < all.length;
    return {
      totalCount: page.length,
      items: page,
      links: {
        self: { uri: self, method: 'GET', headers: [] },
        ...(next
          ? {
              next: {
                uri: `${self.split('?')[0]!}?size=${pageSize}&seek_operation=Next`,
                method: 'GET',
                headers: [{ key: 'MS-ContinuationToken', value: String(start + pageSize) }],
              },
            }
          : {}),
      },
      attributes: { objectType: 'Collection' },
    };
  }

  private async handleDownload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.downloadBase);
    await readBody(req);
    this.record(req, 'download', url.pathname + url.search);
    const match = /^\/reports\/([^/]+)\/(get\w+)\.csv$/.exec(url.pathname);
    const csv = this.options.customers.find((c) => c.tenantId === match?.[1])?.reports[match?.[2] ?? ''];
    if (csv === undefined || url.searchParams.get('sig') !== 'short-lived') return json(res, 404, { error: 'no such download' });
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(`\uFEFF${csv}`);
  }
}

function unsignedJwt(claims: object): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** The documented CSV headers of the other user reports, with one row each. */
export function teamsUserCsv(rows: readonly { licensed: boolean; last: string }[]): string {
  const header =
    'Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Is Licensed,Report Period';
  const lines = rows.map(
    (r, i) =>
      `2026-11-20,,,${i}0000000-0000-4000-8000-000000000000,U${i}HASHED,${r.last},False,,MICROSOFT 365 E3,3,10,1,2,0,0,0,1,2,0,0,0,0,1,1,PT1H,PT0S,PT0S,3600,0,0,No,${r.licensed ? 'Yes' : 'No'},30`,
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

export function yammerUserCsv(rows: readonly { last: string }[]): string {
  const header =
    'Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period';
  return `${[header, ...rows.map((r, i) => `2026-11-20,U${i}HASHED,D${i}HASHED,active,,${r.last},1,4,2,MICROSOFT 365 E3,30`)].join('\r\n')}\r\n`;
}

export function appsUserCsv(rows: readonly { last: string }[]): string {
  const header =
    'Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,Report Period,Windows,Mac,Mobile,Web,Outlook,Word,Excel,PowerPoint,OneNote,Teams';
  return `${[header, ...rows.map((r, i) => `2026-11-20,U${i}HASHED,2026-01-10,${r.last},30,Yes,No,Yes,Yes,Yes,Yes,No,No,No,Yes`)].join('\r\n')}\r\n`;
}
