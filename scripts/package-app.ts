/** `npm run package`: build/appPackage.zip, ready to upload to Teams (see "Deploy to a tenant" in the README). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { AppPackageError, buildAppPackage } from '../src/tools/app-package.js';

try {
  const { zip, manifest } = await buildAppPackage(process.env);
  mkdirSync('build', { recursive: true });
  writeFileSync('build/appPackage.zip', zip);
  console.log(`build/appPackage.zip: "${manifest.name.short}" ${manifest.version}, Teams app id ${manifest.id}.`);
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(error.message);
  process.exit(1);
}
