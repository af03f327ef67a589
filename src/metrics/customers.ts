import type { AdoptionRecord, CustomerRef } from '../data/records.js';

export interface CustomerRecords {
  readonly key: string;
  readonly tenantId: string | null;
  readonly name: string;
  readonly records: readonly AdoptionRecord[];
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
    if (customer.tenantId !== null && customer.name !== null) {
      tenantOfName.set(nameKey(customer.name), customer.tenantId);
      nameOfTenant.set(customer.tenantId, customer.name);
    }
  }
  const keyOf = (c: CustomerRef): string | null =>
    c.tenantId ?? (c.name === null ? null : (tenantOfName.get(nameKey(c.name)) ?? `name:${nameKey(c.name)}`));
  const groups = new Map<string, { tenantId: string | null; name: string | null; records: AdoptionRecord[] }>();
  for (const record of records) {
    const key = keyOf(record.customer);
    if (key === null) continue;
    let group = groups.get(key);
    if (!group) {
      const tenantId = key.startsWith('name:') ? null : key;
      group = { tenantId, name: tenantId === null ? null : (nameOfTenant.get(tenantId) ?? null), records: [] };
      groups.set(key, group);
    }
    group.name ??= record.customer.name;
    group.records.push(record);
  }
  return [...groups].map(([key, g]) => ({ key, tenantId: g.tenantId, name: g.name ?? g.tenantId ?? key, records: g.records }));
}
