import type { DeploymentRecord, SubscriptionRecord, UsageRecord } from '../data/records.js';
import type { CustomerRecords } from './customers.js';
import { SOURCE_LABELS } from '../data/records.js';
import { WORKLOADS } from '../data/workloads.js';
import type { Flag } from './report-types.js';
import { percent } from './percent.js';
import type { Thresholds } from './thresholds.js';
import type { UsageView } from './usage.js';
import { DAY_MS } from '../time.js';

/** Why the numbers look the way they do, above all why usage can read above 100%. */

const LAPSING: ReadonlySet<SubscriptionRecord['status']> = new Set(['suspended', 'disabled', 'deleted', 'expired']);

interface Over100 {
  readonly workload: string;
  readonly active: number;
  readonly entitled: number;
}

function overHundred(usage: UsageView): Over100[] {
  return usage.byWorkload.filter((w) => w.active > w.entitled).map(({ workload, active, entitled }) => ({ workload, active, entitled }));
}

const pct = (active: number, entitled: number): string => `${percent(active, entitled) ?? '—'}%`;

function licenseTransfer(over: Over100, all: readonly UsageRecord[]): Flag | null {
  const withEvidence = all.filter((r) => r.workload === over.workload && r.evidence);
  const deleted = Math.max(0, ...withEvidence.map((r) => r.evidence!.deletedActive));
  const assigned = Math.max(0, ...withEvidence.map((r) => r.evidence!.assignedInWindow));
  if (deleted === 0 && assigned === 0) return null;
  return {
    code: 'license-transfer',
    message:
      `${over.workload} usage reads ${pct(over.active, over.entitled)} (${over.active} active of ${over.entitled} entitled) because licenses moved to new employees: ` +
      `${deleted} user(s) active in the last 28 days have since left, and ${assigned} license(s) were assigned inside those 28 days, so leavers and newcomers both count as active.`,
    evidence: {
      workload: over.workload,
      active: over.active,
      entitled: over.entitled,
      deletedActiveUsers: deleted,
      licensesAssignedInWindow: assigned,
    },
  };
}

function duplicateSubscriptions(subscriptions: readonly SubscriptionRecord[], deployments: readonly DeploymentRecord[]): Flag[] {
  const flags: Flag[] = [];
  const byOffer = new Map<string, SubscriptionRecord[]>();
  for (const s of subscriptions) byOffer.set(s.offerKey, [...(byOffer.get(s.offerKey) ?? []), s]);
  for (const group of byOffer.values()) {
    const lapsing = group.filter((s) => LAPSING.has(s.status) || s.attentionNeeded);
    const live = group.filter((s) => s.status === 'active' && !s.attentionNeeded);
    if (group.length < 2 || lapsing.length === 0 || live.length === 0) continue;
    const name = group[0]!.offerName;
    flags.push({
      code: 'duplicate-subscription',
      message:
        `${name} is bought through ${group.length} subscriptions and ${lapsing.map((s) => `one is ${s.attentionNeeded && !LAPSING.has(s.status) ? 'in grace period' : s.status}`).join(', ')}: ` +
        'users on both register activity but only one counts in the total, so usage can read high until it is cleaned up.',
      evidence: {
        offer: name,
        subscriptions: group.map((s) => `${s.subscriptionId} (${s.status}, ${s.quantity} seats)`),
      },
    });
  }
  for (const d of deployments) {
    const u = d.units;
    if (!u || u.enabled === 0 || u.warning + u.suspended + u.lockedOut === 0) continue;
    const states = [
      u.warning > 0 ? `${u.warning} in grace period` : null,
      u.suspended > 0 ? `${u.suspended} suspended` : null,
      u.lockedOut > 0 ? `${u.lockedOut} locked out` : null,
    ].filter((s): s is string => s !== null);
    flags.push({
      code: 'duplicate-subscription',
      message:
        `${d.product} has ${u.enabled} active units and ${states.join(', ')}: more than one subscription holds this SKU and one is lapsing; ` +
        'users on both register activity but only one counts in the total.',
      evidence: {
        product: d.product,
        activeUnits: u.enabled,
        warningUnits: u.warning,
        suspendedUnits: u.suspended,
        lockedOutUnits: u.lockedOut,
        subscriptions: d.subscriptionIds ?? [],
        source: SOURCE_LABELS[d.source],
      },
    });
  }
  return flags;
}

function trials(subscriptions: readonly SubscriptionRecord[]): Flag[] {
  return subscriptions
    .filter((s) => s.isTrial && (s.status === 'active' || s.status === 'pending'))
    .map((s) => ({
      code: 'trial-subscription' as const,
      message: `${s.offerName} is a trial (${s.quantity} seats${s.renewsOn === undefined ? '' : `, ending ${s.renewsOn.slice(0, 10)}`}): its users' activity counts toward usage but its licenses are not entitlements, so usage can read high.`,
      evidence: {
        subscription: s.subscriptionId,
        offer: s.offerName,
        seats: s.quantity,
        status: s.status,
        ...(s.renewsOn === undefined ? {} : { endsOn: s.renewsOn }),
      },
    }));
}

function yammerOveruse(usage: UsageView, all: readonly UsageRecord[]): Flag | null {
  // Without a source that counts Yammer licenses (the Yammer report alone says who was active, not
  // who is licensed), nobody knows how many are allowed: no claim is made.
  const counted = usage.byWorkload.find((w) => w.workload === WORKLOADS.yammer);
  if (!counted) return null;
  const { entitled } = counted;
  let activeAnyLicense = 0;
  for (const r of all) {
    if (r.workload === WORKLOADS.yammer) activeAnyLicense = Math.max(activeAnyLicense, r.active + (r.evidence?.unlicensedActive ?? 0));
  }
  if (activeAnyLicense <= entitled) return null;
  return {
    code: 'yammer-overuse',
    message: `Yammer: ${activeAnyLicense} people used it in the last 28 days but only ${entitled} hold a Yammer license; Yammer is reachable without one, so its usage reads above what licenses allow.`,
    evidence: { workload: WORKLOADS.yammer, activeUsers: activeAnyLicense, entitled },
  };
}

/** How many whole days old data of that date is. */
export function dataAgeDays(dataAsOf: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(dataAsOf)) / DAY_MS);
}

function staleness(dataAsOf: string | null, now: Date, thresholds: Thresholds): Flag | null {
  if (dataAsOf === null) return null;
  const ageDays = dataAgeDays(dataAsOf, now);
  if (ageDays <= thresholds.staleDays) return null;
  return {
    code: 'stale-data',
    message: `The newest data is ${ageDays} days old (${dataAsOf.slice(0, 10)}). Microsoft Graph reports lag about 48 hours, so anything older than ${thresholds.staleDays} days means the export or sync stopped: refresh it before acting on these numbers.`,
    evidence: { dataAsOf, ageDays, staleAfterDays: thresholds.staleDays },
  };
}

export function explain(
  group: Pick<CustomerRecords, 'usage' | 'subscriptions' | 'deployments'>,
  usage: UsageView,
  dataAsOf: string | null,
  now: Date,
  thresholds: Thresholds,
): Flag[] {
  const { usage: usageRecords, subscriptions, deployments } = group;
  const flags: Flag[] = [];
  const over = overHundred(usage);
  const transfers = over.map((o) => licenseTransfer(o, usageRecords));
  flags.push(...transfers.filter((f): f is Flag => f !== null));
  flags.push(...duplicateSubscriptions(subscriptions, deployments));
  flags.push(...trials(subscriptions));
  const yammer = yammerOveruse(usage, usageRecords);
  if (yammer) flags.push(yammer);
  const customerWide = flags.some((f) => f.code === 'duplicate-subscription' || f.code === 'trial-subscription');
  over.forEach((o, i) => {
    if (customerWide || transfers[i] || (o.workload === WORKLOADS.yammer && yammer)) return;
    flags.push({
      code: 'usage-above-100-unexplained',
      message:
        `${o.workload} usage reads ${pct(o.active, o.entitled)} (${o.active} active of ${o.entitled} entitled). Likely causes: licenses moved to new employees, ` +
        "a second subscription in grace period, or a trial. Import the Graph getOffice365ActiveUserDetail report and the customer's subscriptions to see which.",
      evidence: { workload: o.workload, active: o.active, entitled: o.entitled },
    });
  });
  const stale = staleness(dataAsOf, now, thresholds);
  if (stale) flags.push(stale);
  return flags;
}
