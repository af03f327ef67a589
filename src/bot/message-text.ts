import { TurnContext, type Activity } from 'botbuilder';
import { decodeHTML } from 'entities';

/** An HTML tag ("<at>", "</p>", "<span itemprop=...>"); a lone "<" as in "<3" is text. */
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>/gi;

/**
 * What the user typed, as the commands read it. Teams sends message text as HTML-flavoured text
 * ("<at>Adoption</at>&nbsp;adoption for AT&amp;T"): the bot's own mention goes (botbuilder's
 * removeRecipientMention), other tags keep only their text, entities are decoded, and runs of
 * spaces of any kind are one space. A message may be only an attachment: its text is empty.
 */
export function messageText(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  const withoutMention = TurnContext.removeRecipientMention(activity) ?? '';
  return decodeHTML(withoutMention.replace(TAG, '')).replace(/\s+/g, ' ').trim();
}
