import { beyondText, changesRead, describeMovement, spanText, towards, WEEK_DAYS, type Movement, type Trend } from '../metrics/trend.js';
import { measureName, type RankedMeasure } from '../metrics/percent-filter.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { customerKey } from '../metrics/customer-key.js';
import { buttons, type PageRequest } from './actions.js';
import type { Reply } from './card.js';
import { messageCard } from './message-cards.js';
import { capitalized, customersText } from './text.js';
import { customerList, measureOption } from './list-cards.js';

/** Customers whose numbers moved: "who dropped?", "who improved this month?". */

/** "who dropped?", "who improved this month?": each row says which number moved, by how much, since when. */
const MOVED_WORDS: Readonly<Record<Movement['direction'], { went: string; flag: string; compared: string; order: string }>> = {
  down: { went: 'went down', flag: '--falling', compared: 'lower than at', order: 'biggest fall first' },
  up: { went: 'went up', flag: '--rising', compared: 'higher than at', order: 'biggest rise first' },
  either: { went: 'moved', flag: '--moving', compared: 'changed since', order: 'biggest move first' },
};

/** What a move of deployment or usage lists: each number that went the way asked. */
const BOTH_NUMBERS: readonly RankedMeasure[] = [{ kind: 'deployment' }, { kind: 'usage' }];

/** Whether the trend knows how the measure moved (a workload's usage only since syncs kept it). */
const knownChange = (t: Trend | null, measure: RankedMeasure): boolean => t !== null && changesRead(t, measure)[0] != null;

export function movedCard(view: PortfolioView, movement: Movement, page: PageRequest): Reply {
  const moved = view.moved(movement);
  const byKey = new Map(moved.map((m) => [customerKey(m.customer), m.trend]));
  const { direction, days, beyondPoints, measure } = movement;
  const { went, flag, compared, order } = MOVED_WORDS[direction];
  const beyond = beyondText(beyondPoints);
  const what = measure === undefined ? null : measureName(measure);
  if (moved.length === 0 && measure?.kind === 'workload' && !view.customers.some((c) => knownChange(view.trend(c, days), measure))) {
    return messageCard(
      `No ${what} history yet`,
      [
        `Each sync keeps every workload's usage from this version on, and no sync before today kept ${what}. "Who dropped?" compares deployment and usage, which the history has from further back.`,
      ],
      [buttons.portfolio(), buttons.help()],
    );
  }
  return customerList(
    view,
    moved.map((m) => m.customer),
    {
      title:
        moved.length === 0
          ? `No customer${what === null ? '' : `'s ${what}`} ${went}${beyond}`
          : `${customersText(moved.length)}${what === null ? '' : ` whose ${what}`} ${went}${beyond}`,
      subtitle: `${what === null ? 'Deployment or usage' : capitalized(what)} ${compared} the newest sync ${spanText(days)} or more before today (or the oldest one), biggest move first. Each sync adds a day to the history.`,
      command: [
        `adoption report ${flag}`,
        measure === undefined ? '' : ` ${measureOption(measure)}`,
        beyondPoints === undefined ? '' : ` --more-than ${beyondPoints}`,
        days === WEEK_DAYS ? '' : ` --days ${days}`,
      ].join(''),
      note: (c) => {
        const t = byKey.get(customerKey(c));
        if (t === undefined) return '';
        const line = (read: RankedMeasure): string[] => {
          const [change = null] = changesRead(t, read);
          return towards(direction, change) > 0 ? [`${measureName(read)} ${describeMovement(change, t)}`] : [];
        };
        return (measure === undefined ? BOTH_NUMBERS : [measure]).flatMap(line).join(' · ');
      },
      order,
    },
    page,
  );
}
