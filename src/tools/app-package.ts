import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';

/** Where the manifest template and the icons live. */
export const APP_PACKAGE_DIR = 'appPackage';
export const ICONS = ['color.png', 'outline.png'] as const;

type Env = Readonly<Record<string, string | undefined>>;

export class AppPackageError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The values of the manifest's ${{NAME}} placeholders, from the environment the bot runs with
 * (MicrosoftAppId) and a few ADOPTION_* settings that only the package needs.
 */
export function placeholderValues(env: Env, version: string): Record<string, string> {
  const value = (name: string): string => env[name]?.trim() ?? '';
  const missing = ['MicrosoftAppId', 'ADOPTION_BOT_DOMAIN', 'ADOPTION_PUBLISHER_NAME', 'ADOPTION_PUBLISHER_URL'].filter(
    (name) => value(name) === '',
  );
  if (missing.length > 0) {
    throw new AppPackageError(`The app package needs ${missing.join(', ')}: see "Deploy to a tenant" in the README for what each one is.`);
  }
  const botId = value('MicrosoftAppId');
  const appId = value('ADOPTION_TEAMS_APP_ID') || botId;
  for (const [name, id] of [
    ['MicrosoftAppId', botId],
    ['ADOPTION_TEAMS_APP_ID', appId],
  ] as const) {
    if (!GUID.test(id)) throw new AppPackageError(`${name} must be a GUID (the Entra application's client id), not "${id}".`);
  }
  const https = (name: string, fallback: string): string => {
    const raw = value(name) || fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new AppPackageError(`${name} must be an https:// address, not "${raw}".`);
    }
    if (url.protocol !== 'https:') throw new AppPackageError(`${name} must be an https:// address, not "${raw}".`);
    return url.toString();
  };
  const publisherUrl = https('ADOPTION_PUBLISHER_URL', '');
  // A domain, not an address: "adoption.contoso.com" (what validDomains wants), also when given as a URL.
  const domain = value('ADOPTION_BOT_DOMAIN')
    .replace(/^https?:\/\//i, '')
    .replace(/[/:].*$/, '');
  return {
    BOT_ID: botId,
    TEAMS_APP_ID: appId,
    BOT_DOMAIN: domain,
    PUBLISHER_NAME: value('ADOPTION_PUBLISHER_NAME'),
    PUBLISHER_URL: publisherUrl,
    PRIVACY_URL: https('ADOPTION_PRIVACY_URL', publisherUrl),
    TERMS_URL: https('ADOPTION_TERMS_URL', publisherUrl),
    APP_VERSION: version,
  };
}

/** The manifest template with every ${{NAME}} replaced; a name without a value is an error, not a blank. */
export function fillManifest(template: string, values: Readonly<Record<string, string>>): TeamsManifest {
  const unknown = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_all, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return '';
    }
    // Inside a JSON string: quotes and backslashes in a value must not end it.
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) throw new AppPackageError(`The manifest uses placeholders with no value: ${[...unknown].join(', ')}.`);
  return JSON.parse(filled) as TeamsManifest;
}

/**
 * Schema errors of a manifest, checked against the schema @microsoft/app-manifest bundles for its
 * $schema URL (offline: the package maps developer.microsoft.com schema URLs to its own copies).
 */
export function schemaErrors(manifest: TeamsManifest): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/** build/appPackage.zip's bytes: the filled manifest and the two icons at the zip root. */
export async function buildAppPackage(env: Env, root = '.'): Promise<{ zip: Uint8Array; manifest: TeamsManifest }> {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const template = readFileSync(join(root, APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  const manifest = fillManifest(template, placeholderValues(env, version));
  const errors = await schemaErrors(manifest);
  if (errors.length > 0) throw new AppPackageError(`The filled manifest does not match its schema:\n  ${errors.join('\n  ')}`);
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const icon of ICONS) files[icon] = readFileSync(join(root, APP_PACKAGE_DIR, icon));
  return { zip: zipSync(files, { level: 9 }), manifest };
}
