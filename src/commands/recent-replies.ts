import { LRUCache } from 'lru-cache';
import type { ListPages, Reply } from '../cards/card.js';
import type { CustomerFocus } from '../cards/customer-focus.js';
import type { Turn } from './turn.js';

/** What a person was last shown in a conversation, that what they type next can go on from. */
interface Shown {
  /** A list shown a page at a time: "more" turns it. */
  readonly pages: ListPages | null;
  /** What was asked of one customer: "and Fabrikam?" asks it of another. */
  readonly focus: CustomerFocus | null;
}

/** How many people's last replies are kept, and for how long: a follow-up comes soon after, or not at all. */
const REMEMBERED = 10_000;
const MEMORY_MS = 60 * 60_000;

/** Whose last reply is meant: this person's, in this conversation; null when the client did not say where. */
const keyOf = (turn: Turn): string | null => (turn.conversation === null ? null : `${turn.conversation.id}|${turn.user.id}`);

/**
 * The last reply each person was shown in each conversation, as far as a follow-up needs it; in
 * memory, for an hour. After a restart, or on another instance, a follow-up finds nothing and is
 * answered as if asked first.
 */
export class RecentReplies {
  private readonly shown = new LRUCache<string, Shown>({ max: REMEMBERED, ttl: MEMORY_MS });

  /** The list this person was last shown here; null when none. */
  list(turn: Turn): ListPages | null {
    return this.last(turn)?.pages ?? null;
  }

  /** What this person last asked of one customer here; null when their last answer was something else. */
  focus(turn: Turn): CustomerFocus | null {
    return this.last(turn)?.focus ?? null;
  }

  /**
   * Notes what a reply shows for a follow-up, and passes the reply on. A typed reply with nothing
   * to go on from ends the last one; a button's does not (Teams refreshes cards in view by itself),
   * and a button's only lists count.
   */
  note(turn: Turn, reply: Reply, typed: boolean): Reply {
    const key = keyOf(turn);
    if (key === null) return reply;
    const shown: Shown = { pages: reply.pages ?? null, focus: typed ? (reply.focus ?? null) : null };
    if (shown.pages !== null || shown.focus !== null) this.shown.set(key, shown);
    else if (typed) this.shown.delete(key);
    return reply;
  }

  private last(turn: Turn): Shown | undefined {
    const key = keyOf(turn);
    return key === null ? undefined : this.shown.get(key);
  }
}
