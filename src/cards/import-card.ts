import { importedText, type FileOutcome } from '../data/import-files.js';
import { buttons } from './actions.js';
import type { Reply } from './card.js';
import { messageCard } from './message-cards.js';
import { count } from './text.js';

/** Warnings shown per file; the command line prints them all. */
const WARNINGS_SHOWN = 5;

function outcomeLines(o: FileOutcome): string[] {
  if (!o.ok) return [o.message];
  const shown = o.warnings.slice(0, WARNINGS_SHOWN).map((w) => `Warning: ${w}.`);
  const more = o.warnings.length - shown.length;
  return [`${importedText(o)}.`, ...shown, ...(more > 0 ? [`And ${count(more)} more warnings: "adoption import" prints them all.`] : [])];
}

function title(outcomes: readonly FileOutcome[]): string {
  const imported = outcomes.filter((o) => o.ok).length;
  if (outcomes.length === 1) return `${imported === 1 ? 'Imported' : 'Not imported'}: ${outcomes[0]!.file}`;
  if (imported === outcomes.length) return `Imported ${count(imported)} files`;
  return imported === 0
    ? `None of ${count(outcomes.length)} files imported`
    : `Imported ${count(imported)} of ${count(outcomes.length)} files`;
}

/** What files sent in chat gave, one by one, as `adoption import` prints it. */
export function importCard(outcomes: readonly FileOutcome[], customerName: string | null, maxMegabytes: number): Reply {
  const refused = outcomes.some((o) => !o.ok);
  return messageCard(
    title(outcomes),
    [
      ...(customerName === null
        ? []
        : [
            `Files of one customer's data were taken as ${customerName}'s, as the message says; files over several customers keep the ones they name.`,
          ]),
      ...outcomes.flatMap(outcomeLines),
      ...(outcomes.some((o) => o.ok) ? ['The cards show the new data now, and the alerts are checked against it, as after a sync.'] : []),
      ...(refused
        ? [
            `A refused file changes nothing in the cache. Send it again once fixed; a file over ${maxMegabytes} MB is imported where the bot runs, with "adoption import".`,
          ]
        : []),
    ],
    [buttons.portfolio(), buttons.help()],
  );
}

/** "for Contoso" names several customers: which one, before anything is imported. */
export function importOwnerCard(query: string, names: readonly string[]): Reply {
  return messageCard(
    `${count(names.length)} customers match "${query}": nothing imported.`,
    [`Send the files again with the whole name: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ' ...' : ''}.`],
    [buttons.help()],
  );
}
