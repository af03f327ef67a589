import { DEFAULT_LINKS, DEFAULT_THRESHOLDS, type AdviceLinks, type Thresholds } from './metrics/thresholds.js';

/** Every environment variable the tool reads, parsed and checked in one place. */
export interface Config {
  readonly dataDir: string;
  readonly thresholds: Thresholds;
  readonly links: AdviceLinks;
}

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function number(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name} must be a non-negative number, not "${raw}".`);
  return value;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  try {
    return new URL(raw).toString();
  } catch {
    throw new ConfigError(`${name} must be a URL, not "${raw}".`);
  }
}

export function loadConfig(env: Env = process.env): Config {
  return {
    dataDir: env['ADOPTION_DATA_DIR']?.trim() || './data',
    thresholds: {
      usageLowPercent: number(env, 'ADOPTION_USAGE_LOW_PERCENT', DEFAULT_THRESHOLDS.usageLowPercent),
      deploymentLowPercent: number(env, 'ADOPTION_DEPLOYMENT_LOW_PERCENT', DEFAULT_THRESHOLDS.deploymentLowPercent),
      upsellDeploymentPercent: number(env, 'ADOPTION_UPSELL_DEPLOYMENT_PERCENT', DEFAULT_THRESHOLDS.upsellDeploymentPercent),
      supportRequests30Days: number(env, 'ADOPTION_SUPPORT_REQUESTS_30D', DEFAULT_THRESHOLDS.supportRequests30Days),
      staleDays: number(env, 'ADOPTION_STALE_DAYS', DEFAULT_THRESHOLDS.staleDays),
    },
    links: {
      adoptionContent: url(env, 'ADOPTION_CONTENT_URL', DEFAULT_LINKS.adoptionContent),
      training: url(env, 'ADOPTION_TRAINING_URL', DEFAULT_LINKS.training),
      selfSupport: url(env, 'ADOPTION_SELF_SUPPORT_URL', DEFAULT_LINKS.selfSupport),
    },
  };
}
