import { TeamsInfo, type TurnContext } from 'botbuilder';
import { accessOf, needsUpn, type Access, type AccessPolicy, type Caller } from '../access/access-policy.js';
import type { Logger } from '../logging/logger.js';
import type { RateGate } from '../proactive/rate-gate.js';
import { tenantOf } from './conversation-target.js';
import { turnLogger } from './turn-logger.js';

/** How long a looked-up UPN is trusted before Teams is asked again. */
const UPN_TTL_MS = 15 * 60_000;
const UPN_CACHE_SIZE = 5000;

/**
 * Tells the caller's access from the activity: the tenant from the conversation, the Entra object
 * id from `from.aadObjectId`, and — only when roles list UPNs — the UPN from Teams' member lookup
 * (GET /v3/conversations/{id}/members/{userId}), remembered for a while per user. Teams counts
 * roster fetches in the same limits as sends, so each lookup is noted in the rate gate.
 */
export class CallerAccess {
  private readonly upns = new Map<string, { readonly upn: string | null; readonly at: number }>();

  constructor(
    private readonly policy: AccessPolicy,
    private readonly logger: Logger,
    private readonly gate: RateGate,
    private readonly now: () => number = Date.now,
  ) {}

  async of(context: TurnContext): Promise<Access> {
    const a = context.activity;
    const caller: Caller = {
      tenantId: tenantOf(a),
      objectId: a.from?.aadObjectId ?? null,
      upn: null,
    };
    const first = accessOf(this.policy, caller);
    if (first.allowed || first.reason === 'tenant' || !needsUpn(this.policy)) return first;
    return accessOf(this.policy, { ...caller, upn: await this.upnOf(context) });
  }

  private async upnOf(context: TurnContext): Promise<string | null> {
    const userId = context.activity.from?.id;
    if (!userId) return null;
    const known = this.upns.get(userId);
    if (known && this.now() - known.at < UPN_TTL_MS) return known.upn;
    try {
      this.gate.note(tenantOf(context.activity), context.activity.conversation.id);
      const upn = (await TeamsInfo.getMember(context, userId)).userPrincipalName ?? null;
      if (this.upns.size >= UPN_CACHE_SIZE) this.upns.delete(this.upns.keys().next().value!);
      this.upns.set(userId, { upn, at: this.now() });
      return upn;
    } catch (error) {
      // Not remembered: the next message asks again.
      turnLogger(context, this.logger).warn({ err: error }, "Could not look up the caller's UPN; only their object id counts.");
      return null;
    }
  }
}
