import {
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  CallerIdConstants,
  ShowTypingMiddleware,
  ActivityTypes,
  type Activity,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { BotAuth } from '../config.js';
import type { RateGate } from '../proactive/rate-gate.js';
import { BotAuthentication } from './bot-authentication.js';
import { tenantOf } from './conversation-target.js';
import type { Logger } from '../logging/logger.js';
import { turnCorrelationId, turnLogger, turnLogging } from './turn-logger.js';

/** Typing shows only when a reply takes longer than this; quick answers arrive without it. */
export const TYPING_DELAY_MS = 400;

/**
 * Bot Framework authentication from MicrosoftAppId / MicrosoftAppPassword / MicrosoftAppType /
 * MicrosoftAppTenantId. With no app id the adapter runs in local mode: it accepts requests without
 * a token and replies to the serviceUrl without one (Agents Playground, tests, `npm run ask`).
 */
export function createAdapter(auth: BotAuth, logger: Logger, gate: RateGate): CloudAdapter {
  const options = authOptions(auth);
  const adapter = new ChatAdapter(new BotAuthentication(options, new ConfigurationServiceClientCredentialFactory(options)), gate);
  adapter.use(turnLogging(logger));
  adapter.use(new ShowTypingMiddleware(TYPING_DELAY_MS, 2000));
  handleTurnErrors(adapter, logger);
  return adapter;
}

/** What CloudAdapter keeps to itself: the HTTP answer to an invoke, a pause, a trace (Emulator only). */
const NOT_SENT: readonly string[] = [ActivityTypes.InvokeResponse, 'delay', ActivityTypes.Trace];

/**
 * The chat adapter notes everything it hands to the Bot Connector (replies, typing indicators) in
 * the rate gate, counted from when the connector took it: Teams counts them in the same limits as
 * alerts and shares. They never wait for it.
 */
class ChatAdapter extends CloudAdapter {
  constructor(
    auth: BotAuthentication,
    private readonly gate: RateGate,
  ) {
    super(auth);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const tenant = tenantOf(context.activity);
    const counted = activities
      .filter((a) => !NOT_SENT.includes(a.type ?? ''))
      .map((a) => this.gate.note(tenant, a.conversation?.id ?? context.activity.conversation.id));
    const responses = await super.sendActivities(context, activities);
    for (const c of counted) c.delivered();
    return responses;
  }
}

/** The adapter for proactive sends (alerts, shares): no typing indicator, the same authentication. */
export function createProactiveAdapter(auth: BotAuth, logger: Logger): CloudAdapter {
  const options = authOptions(auth);
  const adapter = new CloudAdapter(new BotAuthentication(options, new ConfigurationServiceClientCredentialFactory(options)));
  handleTurnErrors(adapter, logger);
  return adapter;
}

/**
 * botbuilder's settings. Naming one endpoint (the channel's key metadata) switches botbuilder to
 * "every endpoint given", so the others are filled with the public cloud's, as it would use them.
 */
function authOptions(auth: BotAuth): Record<string, string | boolean> {
  if (auth.ToBotFromChannelOpenIdMetadataUrl === undefined) return { ...auth };
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ...auth,
  };
}

function handleTurnErrors(adapter: CloudAdapter, logger: Logger): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const log = turnLogger(context, logger);
    const reference = turnCorrelationId(context, logger);
    log.error({ err: error, correlationId: reference }, 'The turn failed.');
    try {
      await context.sendActivity(
        `Sorry, something went wrong on my side and I could not answer. Try again in a minute; if it keeps happening, give your admin this reference: ${reference}.`,
      );
    } catch (sendError) {
      log.error({ err: sendError, correlationId: reference }, 'Could not tell the user that the turn failed.');
    }
  };
}
