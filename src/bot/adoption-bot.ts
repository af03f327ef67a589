import {
  ActivityTypes,
  CardFactory,
  StatusCodes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type InvokeResponse,
  type Activity,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import type { Reply } from '../cards/card.js';
import type { Scope } from '../cards/command-guide.js';
import type { Conversation } from '../commands/conversation.js';
import type { FileImports } from '../commands/file-imports.js';
import type { Turn } from '../commands/turn.js';
import type { Role } from '../access/access-policy.js';
import { messageCard } from '../cards/message-cards.js';
import type { Logger } from '../logging/logger.js';
import type { CallerAccess } from './caller-access.js';
import { turnLogger } from './turn-logger.js';
import type { BotStateStore } from '../proactive/bot-state.js';
import { forgetConversation, forgetTeam, isRemembered, remember } from '../proactive/conversations.js';
import { targetOf } from './conversation-target.js';
import { messageText } from './message-text.js';
import { sentFiles } from './sent-files.js';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Personal chat, group chat or team channel; clients that do not say (Emulator, Web Chat) are personal. */
function scopeOf(context: TurnContext): Scope {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

const ROLE = Symbol('role');

function turnOf(context: TurnContext): Turn {
  const from = context.activity.from;
  return {
    scope: scopeOf(context),
    conversation: targetOf(context.activity),
    user: { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name ?? 'someone' },
    role: (context.turnState.get(ROLE) as Role | undefined) ?? 'agent',
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

/** An Action.Execute invoke's value as Teams sends it: { action: { type, verb, data } }. */
function isCardAction(value: unknown): boolean {
  const action = (value as { action?: unknown } | null | undefined)?.action;
  return typeof action === 'object' && action !== null && typeof (action as { type?: unknown }).type === 'string';
}

const REMOVED_REASON = 'the bot was removed from this conversation';

/** What a refused person reads: no customer name, no number, and who can change it. */
const REFUSALS: Record<'tenant' | 'user', string> = {
  tenant:
    "Sorry, this app is only for the staff of the partner that runs it, and your organization is not one of its tenants. If you think it should be, ask that partner's admin.",
  user: "Sorry, you are not on this app's list of people who may see customer adoption. Ask your admin to add you.",
};

function isRemoval(activity: Activity): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return activity.action?.startsWith('remove') ?? false;
  return activity.type === ActivityTypes.ConversationUpdate && (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient.id);
}

/**
 * The Teams face of the conversation: turns activities into text and button presses, and the
 * conversation's replies into card messages and invoke responses; remembers where it is installed
 * (for alerts and shares) and forgets where it was removed. The only module that knows about activities.
 */
export class AdoptionBot extends TeamsActivityHandler {
  constructor(
    private readonly conversation: Conversation,
    /** Files sent in a personal chat: imported into the cache. */
    private readonly imports: FileImports,
    private readonly state: BotStateStore,
    private readonly access: CallerAccess,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();

    this.onTurn(async (context, next) => {
      // Being removed is cleaned up whoever does it; everything else needs an allowed tenant and person.
      const removal = isRemoval(context.activity);
      if (!removal) {
        const access = await this.access.of(context);
        if (!access.allowed) return this.refuse(context, access.reason);
        context.turnState.set(ROLE, access.role);
      }
      // Every activity says where the bot is; a new place (or a new service URL) is written down.
      const target = targetOf(context.activity);
      if (target && !removal && !isRemembered(await this.state.read(), target)) await this.state.update((s) => remember(s, target));
      await next();
    });

    this.onMessage(async (context, next) => {
      if (addressed(context)) await this.answer(context);
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

  /**
   * Says no, politely and without data, where the person expects an answer (a message to the bot,
   * a button, a search, an install); logs it; the turn goes no further.
   */
  private async refuse(context: TurnContext, reason: 'tenant' | 'user'): Promise<void> {
    const a = context.activity;
    turnLogger(context, this.logger).warn(
      { reason, userId: a.from?.aadObjectId ?? a.from?.id, conversationType: a.conversation?.conversationType },
      reason === 'tenant' ? 'Refused a request from a tenant that is not allowed.' : 'Refused a request from a person with no role.',
    );
    const text = REFUSALS[reason];
    if (a.type === ActivityTypes.Message && addressed(context)) await context.sendActivity(text);
    else if (a.type === ActivityTypes.ConversationUpdate && (a.membersAdded ?? []).some((m) => m.id === a.recipient.id)) {
      await context.sendActivity(text);
    } else if (a.type === ActivityTypes.Invoke) {
      const body =
        a.name === 'composeExtension/query'
          ? { composeExtension: { type: 'message', text } }
          : a.name === 'adaptiveCard/action'
            ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: messageCard('Not available to you', [text], []).card }
            : undefined;
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    }
  }

  /** A message: the answer to its words, or to the files sent with it. */
  private async answer(context: TurnContext): Promise<void> {
    const text = messageText(context.activity);
    const files = sentFiles(context.activity);
    if (files.length === 0) {
      await context.sendActivity(replyActivity(await this.conversation.reply(text, turnOf(context))));
      return;
    }
    const { reply, changed } = await this.imports.run(files, text, turnOf(context));
    await context.sendActivity(replyActivity(reply));
    // Inside the turn, after its reply: the alerts the new data sets off go out before Teams hears the turn is done.
    if (changed) await this.imports.afterImport();
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

  /**
   * Invokes this bot does not implement (botbuilder answers 501) are acknowledged with 200 and
   * ignored: a client feature the app does not use is not a server error.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    // botbuilder reads value.action.type without checking that there is an action: say 400 first.
    if (context.activity.name === 'adaptiveCard/action' && !isCardAction(context.activity.value)) {
      return {
        status: StatusCodes.BAD_REQUEST,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'A card action needs value.action with a type and a verb.', innerHttpError: null },
        },
      };
    }
    const response = await super.onInvokeActivity(context);
    if (response.status !== StatusCodes.NOT_IMPLEMENTED) return response;
    turnLogger(context, this.logger).debug({ invoke: context.activity.name }, 'Ignored an invoke this bot does not implement.');
    return { status: StatusCodes.OK };
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
    // Whatever the client sent: the value may be missing or not the documented shape.
    const parameters: unknown = (query as Partial<MessagingExtensionQuery> | undefined)?.parameters;
    const parameter = Array.isArray(parameters)
      ? (parameters as { name?: unknown; value?: unknown }[]).find((p) => typeof p === 'object' && p !== null && p.name !== 'initialRun')
      : undefined;
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
