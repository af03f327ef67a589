/**
 * The shape the bot and botbuilder rely on, checked before an activity reaches the adapter:
 * what it is, where to answer (serviceUrl, channel, conversation), who it is to and from, and
 * the types of the optional fields the handlers read. Teams always sends these right; anything
 * else gets a 400 naming what is wrong, rather than a crash deep inside a turn.
 * Returns the problems, by path; empty when the activity can go on.
 */
export function activityProblems(body: unknown): string[] {
  if (!isObject(body)) return ['the body is not a JSON object'];
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  need(nonEmpty(body['type']), 'type (a non-empty string)');
  need(nonEmpty(body['channelId']), 'channelId (a non-empty string)');
  need(typeof body['serviceUrl'] === 'string' && /^https?:\/\/\S+$/i.test(body['serviceUrl']), 'serviceUrl (an http(s) URL)');
  account(body['conversation'], 'conversation', true, problems, ['conversationType', 'tenantId']);
  account(body['recipient'], 'recipient', true, problems);
  account(body['from'], 'from', false, problems);
  for (const field of ['text', 'name', 'action', 'textFormat', 'locale']) {
    need(body[field] === undefined || body[field] === null || typeof body[field] === 'string', `${field} (a string)`);
  }
  for (const field of ['attachments', 'membersAdded', 'membersRemoved']) {
    need(body[field] === undefined || body[field] === null || Array.isArray(body[field]), `${field} (an array)`);
  }
  need(body['channelData'] === undefined || body['channelData'] === null || isObject(body['channelData']), 'channelData (an object)');
  entities(body['entities'], problems);
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

const optionalString = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';

/** A channel account or conversation: an id, and strings where names are. */
function account(value: unknown, path: string, required: boolean, problems: string[], extra: readonly string[] = []): void {
  if (value === undefined && !required) return;
  if (!isObject(value) || !nonEmpty(value['id'])) {
    problems.push(`${path}.id (an object with an id)`);
    return;
  }
  for (const field of ['name', 'aadObjectId', ...extra]) {
    if (!optionalString(value[field])) problems.push(`${path}.${field} (a string)`);
  }
}

/** Entities are objects with a type; a mention says its text and whom it mentions. */
function entities(value: unknown, problems: string[]): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    problems.push('entities (an array)');
    return;
  }
  value.forEach((entity: unknown, i) => {
    if (!isObject(entity) || typeof entity['type'] !== 'string') problems.push(`entities[${i}] (an object with a type)`);
    else if (
      entity['type'] === 'mention' &&
      (typeof entity['text'] !== 'string' || !isObject(entity['mentioned']) || !nonEmpty(entity['mentioned']['id']))
    ) {
      problems.push(`entities[${i}] (a mention with text and mentioned.id)`);
    }
  });
}
