import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { progress } from '../../src/cli/sync-command.js';

describe('sync progress', () => {
  const outcome = (customer: string) => ({ customer, ok: true as const, records: 3, rows: 2, warnings: [] });

  it('draws a bar on a terminal and prints one line per customer', () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let drawn = '';
    terminal.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const lines: string[] = [];
    const bar = progress({ out: (t) => lines.push(t), err: (t) => lines.push(`err: ${t}`) }, terminal);
    bar.onEvent({ type: 'customers', total: 2 });
    bar.onEvent({ type: 'customer-done', outcome: outcome('Contoso Ltd') });
    bar.onEvent({ type: 'customer-done', outcome: outcome('Tailspin Toys') });
    bar.stop();
    expect(drawn).to.match(/syncing .+ 2\/2 customers \| Tailspin Toys/);
    expect(lines).to.deep.equal([
      'ok       Contoso Ltd: 2 row(s) read -> 3 record(s)',
      'ok       Tailspin Toys: 2 row(s) read -> 3 record(s)',
    ]);
  });

  it('writes plain lines without a terminal', () => {
    const lines: string[] = [];
    const bar = progress({ out: (t) => lines.push(t), err: (t) => lines.push(`err: ${t}`) }, null);
    bar.onEvent({ type: 'customers', total: 1 });
    bar.onEvent({ type: 'customer-done', outcome: outcome('Contoso Ltd') });
    bar.stop();
    expect(lines).to.deep.equal([
      'err: Syncing 1 customer(s) from Partner Center and Microsoft Graph.',
      'ok       Contoso Ltd: 2 row(s) read -> 3 record(s)',
    ]);
  });
});
