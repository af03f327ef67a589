import type {
  AdoptionRecord,
  CustomerRef,
  DeploymentRecord,
  ServiceRequestRecord,
  SubscriptionRecord,
  UsageRecord,
} from '../data/records.js';

/** One customer's records, sorted by kind in the same pass that groups them. */
export interface CustomerRecords {
  readonly key: string;
  readonly tenantId: string | null;
  readonly name: string;
  readonly deployments: readonly DeploymentRecord[];
  readonly usage: readonly UsageRecord[];
  readonly subscriptions: readonly SubscriptionRecord[];
  readonly serviceRequests: readonly ServiceRequestRecord[];
}

interface Group {
  tenantId: string | null;
  name: string | null;
  deployments: DeploymentRecord[];
  usage: UsageRecord[];
  subscriptions: SubscriptionRecord[];
  serviceRequests: ServiceRequestRecord[];
}

const nameKey = (name: string): string => name.trim().toLowerCase();

/**
 * Groups records by customer. Files name customers by tenant id, by name, or both; a name seen
 * beside a tenant id anywhere joins records that carry only that name to the tenant.
 * Partner-wide records (no customer) are left out.
 */
export function groupByCustomer(records: readonly AdoptionRecord[]): CustomerRecords[] {
  const tenantOfName = new Map<string, string>();
  const nameOfTenant = new Map<string, string>();
  for (const { customer } of records) {
    if (customer.tenantId !== null && customer.name !== null && nameOfTenant.get(customer.tenantId) !== customer.name) {
      tenantOfName.set(nameKey(customer.name), customer.tenantId);
      nameOfTenant.set(customer.tenantId, customer.name);
    }
  }
  const keyOf = (c: CustomerRef): string | null =>
    c.tenantId ?? (c.name === null ? null : (tenantOfName.get(nameKey(c.name)) ?? `name:${nameKey(c.name)}`));
  const groups = new Map<string, Group>();
  for (const record of records) {
    if (record.kind === 'partner-total') continue;
    const key = keyOf(record.customer);
    if (key === null) continue;
    let group = groups.get(key);
    if (!group) {
      const tenantId = key.startsWith('name:') ? null : key;
      const name = tenantId === null ? null : (nameOfTenant.get(tenantId) ?? null);
      group = { tenantId, name, deployments: [], usage: [], subscriptions: [], serviceRequests: [] };
      groups.set(key, group);
    }
    group.name ??= record.customer.name;
    if (record.kind === 'deployment') group.deployments.push(record);
    else if (record.kind === 'usage') group.usage.push(record);
    else if (record.kind === 'subscription') group.subscriptions.push(record);
    else group.serviceRequests.push(record);
  }
  return [...groups].map(([key, { name, ...g }]) => ({ key, name: name ?? g.tenantId ?? key, ...g }));
}
