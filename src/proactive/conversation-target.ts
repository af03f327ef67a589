/**
 * Somewhere the bot may speak without being asked: a personal chat, a group chat or a team
 * channel it is installed in. Kept from the activities Teams sends, without any bot framework type,
 * so the store, the alerts and the CLI can hold one.
 */
export interface ConversationTarget {
  /** The conversation to send to; for a channel, the channel's id (a new post, not a reply in some thread). */
  readonly id: string;
  readonly kind: 'personal' | 'groupChat' | 'channel';
  readonly tenantId: string | null;
  /** Where the Bot Connector for this conversation listens (it can change: always the latest seen). */
  readonly serviceUrl: string;
  /** 'msteams' in Teams; other clients (the playground, Web Chat) have their own. */
  readonly channelId: string;
  readonly bot: { readonly id: string; readonly name: string };
  /** For channels: the team, so removing the bot from a team forgets all of its channels. */
  readonly teamId: string | null;
  readonly teamName: string | null;
  /** The channel's or group chat's name, or the person's name in a personal chat; Teams does not always say. */
  readonly name: string | null;
}

/** What people call it: for "shared to ...", the settings cards and `adoption alerts status`. */
export function describeTarget(t: ConversationTarget): string {
  if (t.kind === 'personal') return t.name ? `the personal chat with ${t.name}` : 'a personal chat';
  if (t.kind === 'groupChat') return t.name ? `the group chat "${t.name}"` : 'a group chat';
  const channel = t.name ? `the "${t.name}" channel` : t.teamId !== null && t.id === t.teamId ? 'the General channel' : 'a channel';
  return t.teamName ? `${channel} of ${t.teamName}` : channel;
}

/** A new sighting completed with what an older one knew and this one does not say (names). */
export function mergeSighting(held: ConversationTarget | undefined, seen: ConversationTarget): ConversationTarget {
  if (!held) return seen;
  return { ...seen, name: seen.name ?? held.name, teamName: seen.teamName ?? held.teamName, teamId: seen.teamId ?? held.teamId };
}

/** Two sightings of one conversation that would be stored alike: no need to write again. */
export function sameTarget(a: ConversationTarget, b: ConversationTarget): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.tenantId === b.tenantId &&
    a.serviceUrl === b.serviceUrl &&
    a.channelId === b.channelId &&
    a.bot.id === b.bot.id &&
    a.bot.name === b.bot.name &&
    a.teamId === b.teamId &&
    a.teamName === b.teamName &&
    a.name === b.name
  );
}
