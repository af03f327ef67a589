import { expect } from 'chai';
import { parseCommand } from '../../src/commands/command.js';

describe('short forms and typographic apostrophes', () => {
  it('reads "who\'s" and "what’s" as said in full, and keeps a name with its apostrophe as typed', () => {
    expect(parseCommand('who’s low?')).to.deep.equal({ kind: 'low-adoption', measure: { kind: 'lower' }, among: null });
    expect(parseCommand("How's Contoso doing?")).to.deep.equal({ kind: 'customer', query: 'Contoso', explicit: true });
    expect(parseCommand('adoption for Macy’s')).to.deep.equal({ kind: 'customer', query: 'Macy’s', explicit: true });
    expect(parseCommand("why is O’Brien's usage low?")).to.deep.equal({ kind: 'why', customer: 'O’Brien' });
  });
});
