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
  });
});
