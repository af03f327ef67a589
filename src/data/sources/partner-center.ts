import { randomUUID } from 'node:crypto';
import type Bottleneck from 'bottleneck';
import { partnerCenterPace } from './pace.js';
import { send, type RetryPolicy, DEFAULT_RETRY } from './http.js';
import { PARTNER_CENTER_RESOURCE, type TenantTokens } from './tokens.js';

export interface PartnerCenterCustomer {
  /** Partner Center's customer id (used in /v1/customers/{id}/...). */
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
}

export type CustomerResource = 'subscriptions' | 'subscribedskus' | 'servicerequests';

interface Link {
  readonly uri: string;
  readonly headers?: readonly { readonly key: string; readonly value: string }[];
}

const APP_HINT =
  'Check ADOPTION_CLIENT_ID / ADOPTION_CLIENT_SECRET and that the app is registered in Partner Center (Account settings > App management).';
const USER_HINT =
  'Partner Center analytics need an admin agent\'s sign-in (App+User): run "adoption login" once, or set ADOPTION_PARTNER_REFRESH_TOKEN (see "Setting up the sync" in the README).';

/**
 * The Partner Center REST API: customers (paged by continuation token), the commercial license
 * analytics (paged by @nextLink) and per-customer subscriptions, subscribed SKUs and service
 * requests. Paced under a budget of requests a minute (Partner Center throttles at about 500 a
 * minute per partner tenant); retries throttling and 5xx.
 */
export class PartnerCenterClient {
  private readonly correlationId = randomUUID();
  private readonly limiter: Bottleneck;

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TenantTokens,
    private readonly refreshToken: string | null,
    requestsPerMinute: number,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.limiter = partnerCenterPace(requestsPerMinute);
  }

  private async get(pathOrUrl: string, token: string, headers: Record<string, string> = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl).toString();
    return this.limiter.schedule(() =>
      send(
        url,
        {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'ms-requestid': randomUUID(),
            'ms-correlationid': this.correlationId,
            'x-locale': 'en-US',
            ...headers,
          },
        },
        this.retry,
      ),
    );
  }

  private appToken(): Promise<string> {
    return this.tokens.appOnly(PARTNER_CENTER_RESOURCE, APP_HINT);
  }

  /** The pages of a collection, following links.next and its continuation-token headers. */
  private async *collection(uri: string): AsyncGenerator<string> {
    let link: Link | null = { uri };
    while (link !== null) {
      const headers = Object.fromEntries((link.headers ?? []).map((h) => [h.key, h.value]));
      const text: string = await (await this.get(link.uri, await this.appToken(), headers)).text();
      yield text;
      link = (JSON.parse(text) as { links?: { next?: Link } }).links?.next ?? null;
    }
  }

  async customers(): Promise<PartnerCenterCustomer[]> {
    const out: PartnerCenterCustomer[] = [];
    for await (const text of this.collection('/v1/customers?size=500')) {
      const page = JSON.parse(text) as { items?: { id: string; companyProfile?: { tenantId?: string; companyName?: string } }[] };
      for (const item of page.items ?? []) {
        out.push({
          id: item.id,
          tenantId: (item.companyProfile?.tenantId ?? item.id).toLowerCase(),
          name: item.companyProfile?.companyName ?? item.id,
        });
      }
    }
    return out;
  }

  /** Every page of commercial deployment or usage analytics, as the JSON text Partner Center sent. */
  async *analyticsPages(kind: 'deployment' | 'usage'): AsyncGenerator<string> {
    const token = await this.tokens.user(`${PARTNER_CENTER_RESOURCE}/user_impersonation`, this.refreshToken, USER_HINT);
    let next: string | null = `/v1/analytics/commercial/${kind}/license?top=10000&skip=0`;
    while (next !== null) {
      const text: string = await (await this.get(next, token)).text();
      yield text;
      const link: unknown = (JSON.parse(text) as Record<string, unknown>)['@nextLink'];
      next = typeof link === 'string' && link !== '' ? link : null;
    }
  }

  /** Every page of one of a customer's collections, as the JSON text Partner Center sent. */
  customerResource(customerId: string, resource: CustomerResource): AsyncGenerator<string> {
    return this.collection(`/v1/customers/${encodeURIComponent(customerId)}/${resource}`);
  }
}
