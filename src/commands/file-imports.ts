import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../cards/card.js';
import { importCard, importOwnerCard } from '../cards/import-card.js';
import { messageCard } from '../cards/message-cards.js';
import { buttons } from '../cards/actions.js';
import { DownloadError, downloadFile } from '../data/download-file.js';
import { importFiles, type FileOutcome } from '../data/import-files.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { Turn } from './turn.js';

/** A file someone sent the bot in chat: the name it was sent under, and where to fetch it. */
export interface SentFile {
  readonly name: string;
  readonly downloadUrl: string;
}

/** The answer to files sent in chat, and whether they changed the cache. */
export interface ImportAnswer {
  readonly reply: Reply;
  /** Some file added or replaced records: what new data sets off (the alerts, as after a sync) is due once the reply is sent. */
  readonly changed: boolean;
}

/** The largest file taken from chat; a larger one is imported where the bot runs ("adoption import"). */
const MAX_SENT_MEGABYTES = 50;
/** How long one file's download may take. */
const DOWNLOAD_MS = 60_000;

const ADMINS_ONLY = messageCard(
  "Only the bot's admins can import files.",
  ['An import changes the numbers everyone here sees. Ask one of the admins to send the file.'],
  [buttons.help()],
);

const TENANT_ID = /\s*(?:\btenant\s+)?\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;
/** "for Contoso", "here is the Teams report for Contoso Ltd": the customer, last in the message. */
const FOR_CUSTOMER = /\bfor\s+(.+?)[\s.,;:!?]*$/i;

/** Which customer files that do not say belong to: as `adoption import --customer --tenant` would be told. */
type Owner =
  | { readonly kind: 'unsaid' }
  | { readonly kind: 'one'; readonly customerName: string | null; readonly tenantId: string | null }
  | { readonly kind: 'several'; readonly query: string; readonly names: readonly string[] };

/**
 * The customer a message sent with files names: "for Contoso" (a customer of the portfolio whose
 * name it spells, whole or in part, or else a new one as typed: no typo is forgiven, so the data is
 * never filed under a customer merely named alike), a customer's whole name alone, and any tenant
 * ID in it.
 */
function ownerOf(text: string, view: PortfolioView): Owner {
  const tenantId = TENANT_ID.exec(text)?.[1]?.toLowerCase() ?? null;
  const rest = text.replace(TENANT_ID, '').trim();
  const asked = FOR_CUSTOMER.exec(rest)?.[1];
  if (asked === undefined) {
    const whole = rest === '' ? null : view.named(rest);
    if (whole !== null) return { kind: 'one', customerName: whole.customer, tenantId: tenantId ?? whole.tenantId };
    return tenantId === null ? { kind: 'unsaid' } : { kind: 'one', customerName: null, tenantId };
  }
  const found = view.spelled(asked);
  if (found.kind === 'one') return { kind: 'one', customerName: found.customer.customer, tenantId: tenantId ?? found.customer.tenantId };
  if (found.kind === 'several') return { kind: 'several', query: asked, names: found.customers.map((c) => c.customer) };
  return { kind: 'one', customerName: asked, tenantId };
}

/** A name safe as a file name in a folder of our own: the sent name's letters, digits, dots, dashes. */
const safeName = (name: string): string => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-100) || 'file';

/**
 * Files an admin sends the bot in a personal chat, imported as `adoption import` imports them:
 * each fetched to a folder of its own, read by its content, and written to the cache in one
 * atomic step or refused with the place and what to do; a refused file changes nothing.
 */
export class FileImports {
  constructor(
    private readonly store: AdoptionStore,
    private readonly portfolio: PortfolioCache,
    private readonly clock: () => Date,
    /** Evaluates and delivers the alerts against the new data, as after a sync; it logs its own failures. */
    readonly afterImport: () => Promise<void>,
    private readonly download: typeof downloadFile = downloadFile,
  ) {}

  async run(files: readonly SentFile[], text: string, turn: Turn): Promise<ImportAnswer> {
    if (turn.role !== 'admin') return { reply: ADMINS_ONLY, changed: false };
    const owner = ownerOf(text, await this.portfolio.view());
    if (owner.kind === 'several') return { reply: importOwnerCard(owner.query, owner.names), changed: false };
    const ctx = {
      customerName: owner.kind === 'one' ? owner.customerName : null,
      tenantId: owner.kind === 'one' ? owner.tenantId : null,
      receivedAt: this.clock().toISOString(),
    };
    const folder = await mkdtemp(join(tmpdir(), 'adoption-sent-'));
    try {
      const outcomes: FileOutcome[] = [];
      for (const [i, file] of files.entries()) {
        const path = join(folder, `${i}-${safeName(file.name)}`);
        try {
          await this.download(file.downloadUrl, path, MAX_SENT_MEGABYTES * 2 ** 20, DOWNLOAD_MS);
        } catch (error) {
          if (!(error instanceof DownloadError)) throw error;
          outcomes.push({ file: file.name, ok: false, message: `${file.name} ${error.message}.` });
          continue;
        }
        outcomes.push(...(await importFiles(this.store, [{ path, name: file.name }], ctx)));
      }
      return {
        reply: importCard(outcomes, ctx.customerName, MAX_SENT_MEGABYTES),
        changed: outcomes.some((o) => o.ok && o.store.added + o.store.replaced > 0),
      };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
