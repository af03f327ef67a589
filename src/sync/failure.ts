import { HttpError } from '../data/sources/http.js';
import { TokenError } from '../data/sources/tokens.js';

/** Why a customer (or the analytics) could not be synced, and what the admin should do about it. */
export interface Failure {
  readonly reason: string;
  readonly hint: string;
}

/** A failure already explained; the sync reports it as it is. */
export class SyncFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
  }
}

const CONSENT_HINT =
  'Give the app access in this customer\'s tenant: through GDAP, add the app and consent to Reports.Read.All and Organization.Read.All (README, "Setting up the sync").';

export function explainFailure(error: unknown, where: string): Failure {
  if (error instanceof SyncFailure) return error.failure;
  if (error instanceof TokenError) return { reason: `${where}: ${error.message}`, hint: error.hint };
  const graph = error as { statusCode?: number; code?: string; message?: string };
  const status = error instanceof HttpError ? error.status : graph.statusCode;
  const code = error instanceof HttpError ? error.code : graph.code;
  const message = (error as Error).message ?? String(error);
  if (code === 'Authorization_IdentityNotFound' || code === 'Authorization_RequestDenied') {
    return { reason: `${where}: no consent in the customer's tenant (${code})`, hint: CONSENT_HINT };
  }
  if (status === 401 || status === 403) {
    return { reason: `${where}: access refused (HTTP ${status}${code ? `, ${code}` : ''}: ${message})`, hint: CONSENT_HINT };
  }
  if (status === 0 || code === 'NetworkError' || /timed? ?out|ECONNREFUSED|ENOTFOUND|ECONNRESET/i.test(message)) {
    return {
      reason: `${where}: could not reach the service (${message})`,
      hint: 'Try again later; if it keeps failing, check the network and proxy between this machine and Microsoft.',
    };
  }
  if (status === 429) {
    return {
      reason: `${where}: still throttled after retries (HTTP 429)`,
      hint: 'Run the sync again later, or for fewer customers at a time (--customer).',
    };
  }
  return {
    reason: `${where}: ${status ? `HTTP ${status}${code ? ` ${code}` : ''}: ` : ''}${message}`,
    hint: 'Run the sync again; if it keeps failing, report this message.',
  };
}
