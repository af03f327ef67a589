/**
 * Workload names as the product shows them. Sources name them differently ("EXO", "Exchange",
 * "Skype For Business", "SFB"); OneDrive is counted together with SharePoint.
 */
export const WORKLOADS = {
  exchange: 'Exchange',
  sharepoint: 'SharePoint with OneDrive',
  teams: 'Teams',
  yammer: 'Yammer',
  skype: 'Skype for Business',
  dynamics: 'Dynamics',
  apps: 'Microsoft 365 Apps',
} as const;

const ALIASES: Record<string, string> = {
  exo: WORKLOADS.exchange,
  exchange: WORKLOADS.exchange,
  'exchange online': WORKLOADS.exchange,
  spo: WORKLOADS.sharepoint,
  sharepoint: WORKLOADS.sharepoint,
  'sharepoint online': WORKLOADS.sharepoint,
  odb: WORKLOADS.sharepoint,
  odfb: WORKLOADS.sharepoint,
  onedrive: WORKLOADS.sharepoint,
  'onedrive for business': WORKLOADS.sharepoint,
  'sharepoint with onedrive': WORKLOADS.sharepoint,
  teams: WORKLOADS.teams,
  'microsoft teams': WORKLOADS.teams,
  yam: WORKLOADS.yammer,
  yammer: WORKLOADS.yammer,
  'viva engage': WORKLOADS.yammer,
  sfb: WORKLOADS.skype,
  skype: WORKLOADS.skype,
  'skype online': WORKLOADS.skype,
  'skype for business': WORKLOADS.skype,
  lync: WORKLOADS.skype,
  crm: WORKLOADS.dynamics,
  dynamics: WORKLOADS.dynamics,
  'microsoft dynamics crm': WORKLOADS.dynamics,
  'dynamics 365': WORKLOADS.dynamics,
  'microsoft 365 apps': WORKLOADS.apps,
  'm365 apps': WORKLOADS.apps,
  'office apps': WORKLOADS.apps,
  'office 365 apps': WORKLOADS.apps,
};

/** The product's name for a workload code or name; unknown ones are kept as the source wrote them. */
export function canonicalWorkload(codeOrName: string): string {
  return ALIASES[codeOrName.trim().toLowerCase()] ?? codeOrName.trim();
}

/** Every name and code a workload goes by, longest first, so "sharepoint with onedrive" wins over "sharepoint". */
const NAMES_LONGEST_FIRST = Object.keys(ALIASES).sort((a, b) => b.length - a.length);

/** The workload a phrase names as whole words ("Teams usage below 50%" names Teams); null when none. */
export function workloadNamedIn(phrase: string): string | null {
  const words = ` ${phrase.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  const named = NAMES_LONGEST_FIRST.find((alias) => words.includes(` ${alias} `));
  return named === undefined ? null : ALIASES[named]!;
}

/** The workload a phrase is the name or code of, as a whole ("onedrive", "Viva Engage"); null when it is not one. */
export function workloadNamed(phrase: string): string | null {
  return ALIASES[phrase.trim().toLowerCase()] ?? null;
}
