import type { Middleware, TurnContext } from 'botbuilder';
import { correlationId, type Logger } from '../logging/logger.js';
import { tenantOf } from './conversation-target.js';

const TURN_LOGGER = Symbol('turnLogger');

/**
 * Gives every turn a logger that stamps its lines with a fresh correlation id and where the turn
 * happened, so the reference a user is shown finds every line about their request.
 */
export function turnLogging(logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      const a = context.activity;
      context.turnState.set(
        TURN_LOGGER,
        logger.child({
          correlationId: correlationId(),
          activityType: a.type,
          ...(a.name ? { activityName: a.name } : {}),
          conversationId: a.conversation?.id,
          tenantId: tenantOf(a),
        }),
      );
      await next();
    },
  };
}

/** The turn's logger (with its correlation id), or `fallback` outside the middleware. */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOGGER) as Logger | undefined) ?? fallback;
}

/** The correlation id of the turn, as the user is told it. */
export function turnCorrelationId(context: TurnContext, fallback: Logger): string {
  return (turnLogger(context, fallback).bindings()['correlationId'] as string | undefined) ?? correlationId();
}
