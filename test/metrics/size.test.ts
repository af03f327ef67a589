import { expect } from 'chai';
import type { CustomerReport } from '../../src/metrics/report-types.js';
import { bySize } from '../../src/metrics/size.js';
import { reportOf } from '../helpers.js';

const customer = (name: string, sold: number): CustomerReport => reportOf(name, { sold });

describe('customers by size', () => {
  // Usage reports alone count no licenses sold: "Usage only" has none.
  const customers = [
    customer('Small', 20),
    customer('Usage only', 0),
    customer('Big', 300),
    customer('Also 100', 100),
    customer('Mid', 100),
  ];
  const names = (list: CustomerReport[]): string[] => list.map((c) => c.customer);

  it('ranks the customers with licenses sold, the most first or the fewest, ties by name', () => {
    expect(names(bySize(customers, { order: 'largest', seats: null }))).to.deep.equal(['Big', 'Also 100', 'Mid', 'Small']);
    expect(names(bySize(customers, { order: 'smallest', seats: null }))).to.deep.equal(['Small', 'Also 100', 'Mid', 'Big']);
  });

  it('keeps more (or fewer) than a count of licenses, strictly, or at least (at most) it', () => {
    const seats = (side: 'above' | 'below', count: number, inclusive = false) => ({ side, count, inclusive });
    expect(names(bySize(customers, { order: 'largest', seats: seats('above', 100) }))).to.deep.equal(['Big']);
    expect(names(bySize(customers, { order: 'largest', seats: seats('above', 99) }))).to.deep.equal(['Big', 'Also 100', 'Mid']);
    expect(names(bySize(customers, { order: 'largest', seats: seats('above', 100, true) }))).to.deep.equal(['Big', 'Also 100', 'Mid']);
    expect(names(bySize(customers, { order: 'smallest', seats: seats('below', 100) }))).to.deep.equal(['Small']);
    expect(names(bySize(customers, { order: 'smallest', seats: seats('below', 20) }))).to.deep.equal([]);
    expect(names(bySize(customers, { order: 'smallest', seats: seats('below', 20, true) }))).to.deep.equal(['Small']);
  });
});
