import type { Activity, TeamsChannelData } from 'botbuilder';
import type { ConversationTarget } from '../proactive/conversation-target.js';

/** The tenant an activity comes from: the conversation's, else the one in Teams' channelData; null when neither says. */
export function tenantOf(activity: Partial<Activity>): string | null {
  return activity.conversation?.tenantId ?? (activity.channelData as TeamsChannelData | undefined)?.tenant?.id ?? null;
}

/**
 * Where an incoming activity happened, as a place the bot may later speak to; null when the
 * activity does not say enough (no conversation or service URL). For channels the target is the
 * channel itself, not the thread the message came in, so alerts and shares start new posts.
 */
export function targetOf(activity: Partial<Activity>): ConversationTarget | null {
  const conversation = activity.conversation;
  if (!conversation?.id || !activity.serviceUrl || !activity.recipient?.id) return null;
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const type = conversation.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const channel = data.channel?.id ?? conversation.id.split(';')[0]!;
  return {
    id: kind === 'channel' ? channel : conversation.id,
    kind,
    tenantId: tenantOf(activity),
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId ?? 'msteams',
    bot: { id: activity.recipient.id, name: activity.recipient.name ?? 'Adoption' },
    teamId: data.team?.id ?? null,
    teamName: data.team?.name ?? null,
    name: (kind === 'channel' ? data.channel?.name : kind === 'groupChat' ? conversation.name : activity.from?.name) ?? null,
  };
}
