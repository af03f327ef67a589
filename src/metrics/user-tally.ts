import { isInWindow } from './activity-window.js';

/**
 * Folding user-level report rows into per-workload counts, one user at a time, so a report of any
 * size is counted without holding its rows.
 *
 * For a workload, a user is
 * - an entitlement when the report says they hold its license and they are not deleted;
 * - active when they hold its license and their last activity falls inside the 28-day window,
 *   deleted or not: a leaver's activity still happened, which is how usage can exceed 100%
 *   when their license moved to a newcomer.
 * Reports that do not say who is licensed (Yammer and Apps user detail) give `licensed: null`:
 * their users count as active only, and the workload has no entitlement count.
 */
export interface UserWorkload {
  readonly workload: string;
  readonly licensed: boolean | null;
  readonly lastActivity: string | null;
  readonly licenseAssigned: string | null;
}

export interface UserLine {
  readonly refreshDate: string;
  readonly deleted: boolean;
  readonly workloads: readonly UserWorkload[];
}

export interface WorkloadTally {
  entitled: number | null;
  active: number;
  deletedActive: number;
  assignedInWindow: number;
  unlicensedActive: number;
}

export interface UserTally {
  users: number;
  refreshDate: string | null;
  readonly workloads: Map<string, WorkloadTally>;
}

export function emptyTally(): UserTally {
  return { users: 0, refreshDate: null, workloads: new Map() };
}

function workloadTally(tally: UserTally, workload: string, licenseKnown: boolean): WorkloadTally {
  let entry = tally.workloads.get(workload);
  if (!entry) {
    entry = { entitled: licenseKnown ? 0 : null, active: 0, deletedActive: 0, assignedInWindow: 0, unlicensedActive: 0 };
    tally.workloads.set(workload, entry);
  }
  return entry;
}

export function addUser(tally: UserTally, user: UserLine): void {
  tally.users++;
  if (tally.refreshDate === null || user.refreshDate > tally.refreshDate) tally.refreshDate = user.refreshDate;
  for (const w of user.workloads) {
    const entry = workloadTally(tally, w.workload, w.licensed !== null);
    const active = isInWindow(w.lastActivity, user.refreshDate);
    if (w.licensed === null) {
      if (active) entry.active++;
      continue;
    }
    if (!w.licensed) {
      if (active) entry.unlicensedActive++;
      continue;
    }
    if (!user.deleted) {
      entry.entitled = (entry.entitled ?? 0) + 1;
      if (isInWindow(w.licenseAssigned, user.refreshDate)) entry.assignedInWindow++;
    }
    if (active) {
      entry.active++;
      if (user.deleted) entry.deletedActive++;
    }
  }
}
