import type { Role } from '../access/access-policy.js';
import type { Scope } from '../cards/command-guide.js';
import type { ConversationTarget } from '../proactive/conversation-target.js';

/** Who is asking, and where: what a command needs to know beyond its words. */
export interface Turn {
  readonly scope: Scope;
  /** The conversation the turn happens in; null when the client did not say enough to speak there later. */
  readonly conversation: ConversationTarget | null;
  readonly user: { readonly id: string; readonly name: string };
  /** What the person may do (the bot refuses people with no role before a turn gets here). */
  readonly role: Role;
}
