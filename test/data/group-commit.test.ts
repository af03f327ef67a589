import { expect } from 'chai';
import { GroupCommit } from '../../src/data/store/group-commit.js';

/** A writer that records each batch it is given and resolves it when told to. */
function recorder(): { batches: string[][]; release: () => void; fail: Error | null; group: GroupCommit<string> } {
  const state = {
    batches: [] as string[][],
    waiting: [] as (() => void)[],
    fail: null as Error | null,
    release: () => state.waiting.shift()?.(),
    group: null as unknown as GroupCommit<string>,
  };
  state.group = new GroupCommit<string>(async (batch) => {
    state.batches.push([...batch]);
    await new Promise<void>((resolve) => state.waiting.push(resolve));
    if (state.fail) throw state.fail;
    return batch.map((change) => `${change} written`);
  });
  return state;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('group commit (the batching of writes every store uses)', () => {
  it('writes changes submitted together in one batch, and those that arrive meanwhile in the next, in order', async () => {
    const w = recorder();
    const first = [w.group.submit('a'), w.group.submit('b')];
    await tick();
    const second = [w.group.submit('c'), w.group.submit('d')];
    w.release();
    expect(await Promise.all(first)).to.deep.equal(['a written', 'b written']);
    await tick();
    w.release();
    expect(await Promise.all(second)).to.deep.equal(['c written', 'd written']);
    expect(w.batches).to.deep.equal([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('rejects exactly the changes of a failed write and goes on with the next', async () => {
    const w = recorder();
    const failed = w.group.submit('a');
    await tick();
    const next = w.group.submit('b');
    w.fail = new Error('disk full');
    w.release();
    let reason: unknown = null;
    await failed.catch((error: unknown) => (reason = error));
    expect((reason as Error | null)?.message).to.equal('disk full');
    w.fail = null;
    await tick();
    w.release();
    expect(await next).to.equal('b written');
  });

  it('starts a write for a change submitted the moment the previous write resolves', async () => {
    const w = recorder();
    const first = w.group.submit('a');
    await tick();
    w.release();
    await first;
    const second = w.group.submit('b');
    await tick();
    w.release();
    expect(await second).to.equal('b written');
    expect(w.batches).to.deep.equal([['a'], ['b']]);
  });

  it('takes no more into one batch than `take` allows', async () => {
    const batches: string[][] = [];
    const group = new GroupCommit<string>(
      async (batch) => {
        batches.push([...batch]);
        return batch.map(() => undefined);
      },
      (waiting) => Math.min(2, waiting.length),
    );
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((c) => group.submit(c)));
    expect(batches).to.deep.equal([['a', 'b'], ['c', 'd'], ['e']]);
    await group.idle();
  });
});
