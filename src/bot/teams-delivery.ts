import { ActivityTypes, type CloudAdapter, type ConversationParameters, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { DeliveryError, type Deliver } from '../proactive/proactive-sender.js';
import { retryAfterMs } from '../data/sources/http.js';
import { replyActivity } from './adoption-bot.js';

/**
 * Proactive sends through botbuilder's CloudAdapter (continueConversation): a channel gets a new
 * post (createConversation), a personal or group chat a message in it. Connector failures come back
 * as DeliveryError, with the status, code and Retry-After Teams answered.
 */
export function teamsDelivery(adapter: CloudAdapter, appId: string): Deliver {
  return async (target, reply) => {
    const activity = { ...replyActivity(reply), type: ActivityTypes.Message };
    const reference: Partial<ConversationReference> = {
      channelId: target.channelId,
      serviceUrl: target.serviceUrl,
      bot: target.bot,
      conversation: {
        id: target.id,
        isGroup: target.kind !== 'personal',
        conversationType: target.kind,
        name: '',
        ...(target.tenantId === null ? {} : { tenantId: target.tenantId }),
      },
    };
    // The adapter hands errors inside the turn to onTurnError (which would apologise into the
    // conversation and swallow them); the send's own outcome is kept and thrown here instead.
    const sent: { id?: string; error?: unknown } = { error: new Error('the adapter did not run the send') };
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        try {
          const client = connectorWithoutRetries(context);
          if (target.kind === 'channel') {
            // A new post in the channel, as TeamsInfo.sendMessageToTeamsChannel makes it.
            const created = await client.conversations.createConversation({
              isGroup: true,
              bot: target.bot,
              channelData: { channel: { id: target.id }, ...(target.tenantId === null ? {} : { tenant: { id: target.tenantId } }) },
              activity: activity as ConversationParameters['activity'],
              ...(target.tenantId === null ? {} : { tenantId: target.tenantId }),
              members: [],
            });
            sent.id = created.id;
          } else {
            // A new message, not a reply: the continuation's made-up activity id must not become replyToId.
            context.onSendActivities(async (_context, activities, next) => {
              for (const a of activities) delete a.replyToId;
              return next();
            });
            sent.id = (await context.sendActivity(activity))?.id ?? '';
          }
          delete sent.error;
        } catch (error) {
          sent.error = error;
        }
      });
    } catch (error) {
      sent.error = error;
    }
    if ('error' in sent) throw deliveryError(sent.error);
    return sent.id ?? '';
  };
}

/**
 * The turn's connector client with its HTTP pipeline's own retry policy removed. That policy
 * (core-rest-pipeline's default: 3 more tries on 5xx and 429) would resend outside Teams' rate
 * limits and on codes Teams does not ask to retry; connectorClientOptions.retryOptions is not passed
 * through by botbuilder 4.23, hence the reach into its private `client`. Tested: a 502 is tried
 * exactly as often as the ProactiveSender says.
 */
function connectorWithoutRetries(context: TurnContext): ConnectorClient {
  const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  const inner = (client as unknown as { client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } } }).client;
  inner?.pipeline?.removePolicy({ phase: 'Retry' });
  return client;
}

interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get(name: string): string | undefined }; bodyAsText?: string | null };
}

/** A RestError from the connector client (or a network error) as the status, code and Retry-After Teams sent. */
function deliveryError(error: unknown): DeliveryError {
  const failure = (error ?? {}) as ConnectorFailure;
  const status = typeof failure.statusCode === 'number' ? failure.statusCode : 0;
  let code: string | null = null;
  let message = failure.message ?? String(error);
  try {
    const body = JSON.parse(failure.response?.bodyAsText ?? '') as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? null;
    message = body.error?.message ?? message;
  } catch {
    // no JSON body: keep the error's message
  }
  return new DeliveryError(
    status,
    code ?? (status === 0 ? (failure.code ?? null) : null),
    message,
    retryAfterMs(failure.response?.headers?.get('retry-after') ?? null),
  );
}
