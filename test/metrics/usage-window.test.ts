import { expect } from 'chai';
import { activeUserCsv, ok, tempStore, type TempStore } from '../helpers.js';
import { BACKENDS } from '../shared-azurite.js';
import type { UsageRecord } from '../../src/data/records.js';

/** The 28-day window and the entitlement rule, read through real getOffice365ActiveUserDetail CSVs. */
for (const backend of BACKENDS) {
  describe(`usage from Graph user detail: the 28-day window (${backend})`, () => {
    let t: TempStore;
    beforeEach(async () => (t = await tempStore(backend)));
    afterEach(() => t.dispose());

    async function exchange(csv: string): Promise<UsageRecord> {
      ok((await t.import([await t.file('report.csv', csv)], { tenantId: 'aaaaaaaa-0000-4000-8000-000000000001' }))[0]);
      const records = (await t.store.records()) as UsageRecord[];
      return records.find((r) => r.workload === 'Exchange')!;
    }

    it('counts the refresh day and the 28th day back as active, the 29th day back not', async () => {
      const r = await exchange(
        activeUserCsv([
          { exchange: { licensed: true, last: '2026-11-20' } }, // refresh day: inside
          { exchange: { licensed: true, last: '2026-10-24' } }, // 28th calendar day, counting the refresh day: inside
          { exchange: { licensed: true, last: '2026-10-23' } }, // 29th: outside
          { exchange: { licensed: true } }, // never active
          { exchange: { licensed: false, last: '2026-11-19' } }, // active without a license: not an entitlement
        ]),
      );
      expect([r.active, r.entitled]).to.deep.equal([2, 4]);
      expect(r.evidence).to.deep.equal({ deletedActive: 0, assignedInWindow: 0, unlicensedActive: 1 });
      expect(r.asOf).to.equal('2026-11-20T00:00:00.000Z');
    });

    it('reads the CSV the same with or without the byte-order mark', async () => {
      const rows = [{ exchange: { licensed: true, last: '2026-11-01' } }, { exchange: { licensed: true } }];
      const withBom = await exchange(activeUserCsv(rows, true));
      await t.dispose();
      t = await tempStore(backend);
      const withoutBom = await exchange(activeUserCsv(rows, false));
      expect([withBom.active, withBom.entitled]).to.deep.equal([1, 2]);
      expect([withoutBom.active, withoutBom.entitled]).to.deep.equal([1, 2]);
    });

    it('counts a deleted user active earlier in the window as active but not entitled: usage above 100%', async () => {
      const r = await exchange(
        activeUserCsv([
          { exchange: { licensed: true, last: '2026-11-18' } },
          { exchange: { licensed: true, last: '2026-11-18', assigned: '2026-11-12' } }, // the newcomer
          { deleted: true, exchange: { licensed: true, last: '2026-11-05' } }, // the leaver
        ]),
      );
      expect([r.active, r.entitled]).to.deep.equal([3, 2]);
      expect(r.evidence).to.deep.equal({ deletedActive: 1, assignedInWindow: 1, unlicensedActive: 0 });
    });

    it('counts OneDrive together with SharePoint: one entitlement per user holding either', async () => {
      ok(
        (
          await t.import(
            [
              await t.file(
                'r.csv',
                activeUserCsv([
                  { sharePoint: { licensed: true, last: '2026-11-02' }, oneDrive: { licensed: true, last: '2026-10-01' } },
                  { oneDrive: { licensed: true, last: '2026-11-10' } },
                  { sharePoint: { licensed: true } },
                ]),
              ),
            ],
            { customerName: 'Contoso Ltd' },
          )
        )[0],
      );
      const sp = ((await t.store.records()) as UsageRecord[]).find((r) => r.workload === 'SharePoint with OneDrive')!;
      expect([sp.active, sp.entitled]).to.deep.equal([2, 3]);
    });

    it('refuses a row with a date it cannot read, naming the file, line and column, and imports nothing', async () => {
      const bad = activeUserCsv([
        { exchange: { licensed: true, last: '2026-11-02' } },
        { exchange: { licensed: true, last: 'last tuesday' } },
      ]);
      const [outcome] = await t.import([await t.file('bad.csv', bad)], { customerName: 'Contoso Ltd' });
      expect(outcome?.ok).to.equal(false);
      expect(outcome && !outcome.ok && outcome.message).to.match(
        /bad\.csv at line 3, column 12: "Exchange Last Activity Date" is not a date \("last tuesday"\)/,
      );
      expect(await t.store.isEmpty()).to.equal(true);
    });
  });
}
