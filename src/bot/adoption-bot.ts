import {
  ActivityTypes,
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type Activity,
} from 'botbuilder';
import type { Reply } from '../cards/card.js';
import type { Scope } from '../cards/help-card.js';
import type { Conversation } from '../commands/conversation.js';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Personal chat, group chat or team channel; clients that do not say (Emulator, Web Chat) are personal. */
function scopeOf(context: TurnContext): Scope {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

export function replyActivity(reply: Reply): Partial<Activity> {
  const attachment: Attachment = CardFactory.adaptiveCard(reply.card);
  return { type: ActivityTypes.Message, attachments: [attachment], summary: reply.summary };
}

/**
 * The Teams face of the conversation: turns activities into text and button presses, and the
 * conversation's replies into card messages and invoke responses. The only module that knows
 * about activities.
 */
export class AdoptionBot extends TeamsActivityHandler {
  constructor(private readonly conversation: Conversation) {
    super();

    this.onMessage(async (context, next) => {
      const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      await context.sendActivity(replyActivity(await this.conversation.reply(text, scopeOf(context))));
      await next();
    });

    // The bot itself was added (installed in a chat or a team): one welcome to that conversation.
    // Members joining later are not messaged.
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await context.sendActivity(replyActivity(await this.conversation.welcome(scopeOf(context))));
      await next();
    });
  }

  /** Universal Actions: the card the button asks for replaces the card it was pressed on. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const reply = await this.conversation.act(invokeValue.action.verb, invokeValue.action.data, scopeOf(context));
    if (reply === null) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'BadRequest',
          message: `This card's button "${invokeValue.action.verb}" is not one this bot knows.`,
          innerHttpError: null,
        },
      };
    }
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: { ...reply.card } };
  }
}
