/**
 * Who may use the bot, decided from configuration alone (pure: no I/O).
 *
 * - Tenants: only the partner's own (ADOPTION_ALLOWED_TENANTS); null allows any, which the
 *   configuration permits only in local mode.
 * - Roles: with ADOPTION_ADMINS / ADOPTION_AGENTS set, admins read cards and manage alerts,
 *   channel links and shares' targets; agents read cards and share them; anyone else is refused.
 *   With neither set, everyone in an allowed tenant is an admin.
 */
export interface AccessPolicy {
  readonly allowedTenants: ReadonlySet<string> | null;
  /** Entra object ids and UPNs, lower-cased; null when no roles are configured. */
  readonly admins: ReadonlySet<string> | null;
  readonly agents: ReadonlySet<string> | null;
}

export const OPEN_ACCESS: AccessPolicy = { allowedTenants: null, admins: null, agents: null };

export type Role = 'admin' | 'agent';

/** Who is asking, as the channel says: tenant, Entra object id and (when looked up) UPN. */
export interface Caller {
  readonly tenantId: string | null;
  readonly objectId: string | null;
  readonly upn: string | null;
}

export type Access =
  | { readonly allowed: true; readonly role: Role }
  /** `tenant`: the conversation is in a tenant that is not the partner's; `user`: the person has no role. */
  | { readonly allowed: false; readonly reason: 'tenant' | 'user' };

export function allowsTenant(policy: AccessPolicy, tenantId: string | null): boolean {
  if (policy.allowedTenants === null) return true;
  return tenantId !== null && policy.allowedTenants.has(tenantId.toLowerCase());
}

/** Whether telling a role needs the caller's UPN (some role entries are UPNs, not object ids). */
export function needsUpn(policy: AccessPolicy): boolean {
  return [...(policy.admins ?? []), ...(policy.agents ?? [])].some((id) => id.includes('@'));
}

export function accessOf(policy: AccessPolicy, caller: Caller): Access {
  if (!allowsTenant(policy, caller.tenantId)) return { allowed: false, reason: 'tenant' };
  if (policy.admins === null && policy.agents === null) return { allowed: true, role: 'admin' };
  const ids = [caller.objectId, caller.upn].filter((id): id is string => id !== null).map((id) => id.toLowerCase());
  if (ids.some((id) => policy.admins?.has(id))) return { allowed: true, role: 'admin' };
  if (ids.some((id) => policy.agents?.has(id))) return { allowed: true, role: 'agent' };
  return { allowed: false, reason: 'user' };
}
