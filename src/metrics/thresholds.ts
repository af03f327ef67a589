/** The numbers that turn data into flags and advice. Configuration: see src/config.ts and the README. */
export interface Thresholds {
  /** Usage below this percent is low adoption. */
  readonly usageLowPercent: number;
  /** Deployment below this percent means many unused licenses. */
  readonly deploymentLowPercent: number;
  /** Deployment at or above this percent is an upsell opportunity. */
  readonly upsellDeploymentPercent: number;
  /** This many service requests created in the last 30 days means users need help. */
  readonly supportRequests30Days: number;
  /** Data older than this many days is flagged as stale. */
  readonly staleDays: number;
}

/** The percent under which a number is low adoption: deployment's, or usage's (a workload's usage too). */
export function lowPercent(thresholds: Thresholds, measure: 'deployment' | 'usage' | 'workload'): number {
  return measure === 'deployment' ? thresholds.deploymentLowPercent : thresholds.usageLowPercent;
}

/** A threshold by name. */
export type ThresholdName = keyof Thresholds;

/** Thresholds an admin changed in chat, each over the configured one. */
export type ThresholdOverrides = Partial<Record<ThresholdName, number>>;

/** The thresholds in force: the configured ones, with each one an admin changed in its place. */
export function withOverrides(configured: Thresholds, overrides: ThresholdOverrides = {}): Thresholds {
  const inForce: Record<ThresholdName, number> = { ...configured };
  for (const name of Object.keys(configured) as ThresholdName[]) {
    const value = overrides[name];
    if (typeof value === 'number' && Number.isFinite(value)) inForce[name] = value;
  }
  return inForce;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  usageLowPercent: 50,
  deploymentLowPercent: 60,
  upsellDeploymentPercent: 90,
  supportRequests30Days: 3,
  staleDays: 7,
};

/** Where the suggested actions point people. Configurable so partners can use their own pages. */
export interface AdviceLinks {
  readonly adoptionContent: string;
  readonly training: string;
  readonly selfSupport: string;
}

export const DEFAULT_LINKS: AdviceLinks = {
  adoptionContent: 'https://adoption.microsoft.com/',
  training: 'https://learn.microsoft.com/training/',
  selfSupport: 'https://support.microsoft.com/',
};
