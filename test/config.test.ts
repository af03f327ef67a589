import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config.js';

const SYNC = {
  ADOPTION_PARTNER_TENANT_ID: 'partner',
  ADOPTION_CLIENT_ID: 'client',
  ADOPTION_CLIENT_SECRET: 'secret',
  ADOPTION_PARTNER_REFRESH_TOKEN: 'refresh',
};

describe('configuration', () => {
  it('runs in local mode with nothing set, and names what the sync still needs', () => {
    const config = loadConfig({});
    expect(config.auth).to.deep.equal({});
    expect(config.port).to.equal(3978);
    expect(config.sync).to.equal(null);
    expect(config.syncMissing).to.deep.equal(['ADOPTION_PARTNER_TENANT_ID', 'ADOPTION_CLIENT_ID', 'ADOPTION_CLIENT_SECRET']);
    expect(config.syncSchedule).to.equal(null);
  });

  it('reads the sync settings, trimming trailing slashes from base URLs', () => {
    const config = loadConfig({ ...SYNC, GRAPH_BASE_URL: 'https://graph.microsoft.us/', ADOPTION_SYNC_SCHEDULE: '0 5 * * *' });
    expect(config.sync).to.deep.equal({
      partnerCenterUrl: 'https://api.partnercenter.microsoft.com',
      graphUrl: 'https://graph.microsoft.us',
      authorityHost: 'https://login.microsoftonline.com',
      partnerTenantId: 'partner',
      clientId: 'client',
      clientSecret: 'secret',
      refreshToken: 'refresh',
      partnerCenterRequestsPerMinute: 500,
    });
    expect(config.syncSchedule).to.equal('0 5 * * *');
    expect(loadConfig(SYNC).syncSchedule).to.equal('0 6 * * *');
    expect(loadConfig({ ...SYNC, ADOPTION_SYNC_SCHEDULE: 'off' }).syncSchedule).to.equal(null);
  });

  it('refuses what it cannot use, saying which variable and why', () => {
    const refuse = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).to.be.instanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(refuse({ ...SYNC, ADOPTION_SYNC_SCHEDULE: 'every morning' })).to.match(
      /^ADOPTION_SYNC_SCHEDULE must be a cron pattern such as "0 6 \* \* \*" \(06:00 UTC every day\) or "off"/,
    );
    expect(refuse({ ADOPTION_SYNC_SCHEDULE: '0 5 * * *', ADOPTION_CLIENT_ID: 'client' })).to.equal(
      'ADOPTION_SYNC_SCHEDULE is set, but the sync also needs ADOPTION_PARTNER_TENANT_ID, ADOPTION_CLIENT_SECRET.',
    );
    expect(refuse({ MicrosoftAppId: 'app' })).to.equal(
      "MicrosoftAppId is set without MicrosoftAppPassword: add the client secret of the bot's Entra app.",
    );
    expect(refuse({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' })).to.equal(
      'MicrosoftAppType SingleTenant needs MicrosoftAppTenantId.',
    );
    expect(refuse({ PORT: 'eighty' })).to.equal('PORT must be a port number, not "eighty".');
    expect(refuse({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p' })).to.equal(
      "MicrosoftAppId is set, so the bot can be reached from any Teams tenant: set ADOPTION_ALLOWED_TENANTS to your partner tenant's id (comma-separated if several).",
    );
    expect(refuse({ ADOPTION_ALLOWED_TENANTS: 'contoso.onmicrosoft.com' })).to.equal(
      'ADOPTION_ALLOWED_TENANTS must list tenant ids (GUIDs); these are not: contoso.onmicrosoft.com.',
    );
    expect(refuse({ ADOPTION_ADMINS: 'megan, adele@contoso.com' })).to.equal(
      'ADOPTION_ADMINS must list Entra object ids or user principal names; these are not: megan.',
    );
    expect(refuse({ ADOPTION_STORAGE: 'cosmos' })).to.equal('ADOPTION_STORAGE must be "lowdb" (the default) or "blob", not "cosmos".');
    expect(refuse({ ADOPTION_STORAGE: 'blob' })).to.match(/^ADOPTION_STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING/);
    expect(refuse({ ADOPTION_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'x', ADOPTION_BLOB_CONTAINER: 'Adoption_Data' })).to.match(
      /^ADOPTION_BLOB_CONTAINER must be a container name/,
    );
    expect(refuse({ ADOPTION_AGENTS: 'adele@contoso.com' })).to.equal(
      'ADOPTION_AGENTS is set without ADOPTION_ADMINS: nobody could manage alerts or channel links. Set ADOPTION_ADMINS too.',
    );
  });

  it('stores in lowdb files by default, in a Blob container when asked', () => {
    expect(loadConfig({ ADOPTION_DATA_DIR: '/srv/adoption' }).storage).to.deep.equal({ kind: 'lowdb', dataDir: '/srv/adoption' });
    expect(loadConfig({ ADOPTION_STORAGE: 'Blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage).to.deep.equal({
      kind: 'blob',
      connectionString: 'UseDevelopmentStorage=true',
      container: 'adoption',
    });
  });

  it('reads who may use the bot: tenants and people lower-cased, nothing set means open (local mode)', () => {
    expect(loadConfig({}).access).to.deep.equal({ allowedTenants: null, admins: null, agents: null });
    const access = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'p',
      ADOPTION_ALLOWED_TENANTS: '72F988BF-86F1-41AF-91AB-2D7CD011DB47;0b7c1f3e-5d2a-4c8e-9f61-2a3b4c5d6e7f',
      ADOPTION_ADMINS: 'Megan.Bowen@Contoso.com 4a1e7c4e-1f5c-4a0e-8d2f-6f3e1a9b2c3d',
      ADOPTION_AGENTS: 'adele@contoso.com',
    }).access;
    expect([...access.allowedTenants!]).to.deep.equal(['72f988bf-86f1-41af-91ab-2d7cd011db47', '0b7c1f3e-5d2a-4c8e-9f61-2a3b4c5d6e7f']);
    expect([...access.admins!]).to.deep.equal(['megan.bowen@contoso.com', '4a1e7c4e-1f5c-4a0e-8d2f-6f3e1a9b2c3d']);
    expect([...access.agents!]).to.deep.equal(['adele@contoso.com']);
  });
});
