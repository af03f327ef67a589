import {
  ActivityTypes,
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type Activity,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import type { Reply } from '../cards/card.js';
import type { Scope } from '../cards/command-guide.js';
import type { Conversation } from '../commands/conversation.js';
import type { Turn } from '../commands/turn.js';
import type { BotStateStore } from '../proactive/bot-state.js';
import { forgetConversation, forgetTeam, isRemembered, remember } from '../proactive/conversations.js';
import { targetOf } from './conversation-target.js';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Personal chat, group chat or team channel; clients that do not say (Emulator, Web Chat) are personal. */
function scopeOf(context: TurnContext): Scope {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

function turnOf(context: TurnContext): Turn {
  const from = context.activity.from;
  return {
    scope: scopeOf(context),
    conversation: targetOf(context.activity),
    user: { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name ?? 'someone' },
  };
}

/** In channels and group chats the bot answers only when @mentioned, as Teams users expect. */
function addressed(context: TurnContext): boolean {
  if (scopeOf(context) === 'personal') return true;
  return TurnContext.getMentions(context.activity).some((m) => m.mentioned?.id === context.activity.recipient.id);
}

export function replyActivity(reply: Reply): Partial<Activity> {
  const attachment: Attachment = CardFactory.adaptiveCard(reply.card);
  return { type: ActivityTypes.Message, attachments: [attachment], summary: reply.summary };
}

const REMOVED_REASON = 'the bot was removed from this conversation';

/**
 * The Teams face of the conversation: turns activities into text and button presses, and the
 * conversation's replies into card messages and invoke responses; remembers where it is installed
 * (for alerts and shares) and forgets where it was removed. The only module that knows about activities.
 */
export class AdoptionBot extends TeamsActivityHandler {
  constructor(
    private readonly conversation: Conversation,
    private readonly state: BotStateStore,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();

    // Every activity says where the bot is; a new place (or a new service URL) is written down.
    this.onTurn(async (context, next) => {
      const removal = context.activity.type === ActivityTypes.InstallationUpdate && context.activity.action?.startsWith('remove');
      const target = targetOf(context.activity);
      if (target && !removal && !isRemembered(await this.state.read(), target)) await this.state.update((s) => remember(s, target));
      await next();
    });

    this.onMessage(async (context, next) => {
      if (addressed(context)) {
        const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
        await context.sendActivity(replyActivity(await this.conversation.reply(text, turnOf(context))));
      }
      await next();
    });

    // The bot itself was added (installed in a chat or a team): one welcome to that conversation.
    // Members joining later are not messaged.
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await context.sendActivity(replyActivity(await this.conversation.welcome(scopeOf(context))));
      await next();
    });

    this.onConversationUpdate(async (context, next) => {
      const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botRemoved) await this.forget(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
  }

  /** Uninstalled or removed: from a team, every channel of it; otherwise this chat. */
  private async forget(context: TurnContext): Promise<void> {
    const target = targetOf(context.activity);
    if (!target) return;
    await this.state.update((s) => {
      if (target.kind === 'channel' && target.teamId !== null) forgetTeam(s, target.teamId, REMOVED_REASON, this.clock());
      forgetConversation(s, target.id, REMOVED_REASON, this.clock());
    });
  }

  /** Universal Actions: the card the button asks for replaces the card it was pressed on. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const reply = await this.conversation.act(invokeValue.action.verb, invokeValue.action.data, turnOf(context));
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

  /** The message extension: customers matching what is typed in the compose box, each as its card. */
  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const parameter = query.parameters?.find((p) => p.name !== 'initialRun');
    const text = typeof parameter?.value === 'string' ? parameter.value : '';
    const results = await this.conversation.search(text);
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: results.map((r) => ({
          ...CardFactory.adaptiveCard(r.reply.card),
          preview: CardFactory.thumbnailCard(r.title, [], [], { subtitle: r.subtitle }),
        })),
      },
    };
  }
}
