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
