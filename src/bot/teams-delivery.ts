import { ActivityTypes, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { DeliveryError, type Deliver } from '../proactive/proactive-sender.js';
import { retryAfterMs } from '../data/sources/http.js';
import { replyActivity } from './adoption-bot.js';

/** The Bot Connector audience for bots in the public cloud (tokens are only sent with an app id). */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/**
 * Proactive sends through botbuilder's CloudAdapter: a channel gets a new post (createConversation,
 * as TeamsInfo.sendMessageToTeamsChannel does), a personal or group chat a message in it
 * (continueConversation). Connector failures come back as DeliveryError, the status Teams answered.
 */
export function teamsDelivery(adapter: CloudAdapter, appId: string): Deliver {
  return async (target, reply) => {
    const activity = { ...replyActivity(reply), type: ActivityTypes.Message };
    try {
      if (target.kind === 'channel') {
        const parameters: ConversationParameters = {
          isGroup: true,
          bot: target.bot,
          channelData: { channel: { id: target.id }, ...(target.tenantId === null ? {} : { tenant: { id: target.tenantId } }) },
          activity: activity as ConversationParameters['activity'],
          ...(target.tenantId === null ? {} : { tenantId: target.tenantId }),
          members: [],
        };
        let id = '';
        await adapter.createConversationAsync(appId, target.channelId, target.serviceUrl, BOT_FRAMEWORK_AUDIENCE, parameters, async (context) => {
          id = context.activity.conversation.id;
        });
        return id;
      }
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
      let id = '';
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        // A new message, not a reply: the continuation's made-up activity id must not become replyToId.
        context.onSendActivities(async (_context, activities, next) => {
          for (const a of activities) delete a.replyToId;
          return next();
        });
        id = (await context.sendActivity(activity))?.id ?? '';
      });
      return id;
    } catch (error) {
      throw deliveryError(error);
    }
  };
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
  return new DeliveryError(status, code ?? (status === 0 ? (failure.code ?? null) : null), message, retryAfterMs(failure.response?.headers?.get('retry-after') ?? null));
}
