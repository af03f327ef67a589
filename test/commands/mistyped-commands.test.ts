import { expect } from 'chai';
import { mistypedCommand } from '../../src/commands/questions/mistyped-commands.js';

describe('command words mistyped', () => {
  it('reads a word one or two slips from one command word as that command', () => {
    const read: [string, string | null][] = [
      ['hlep', 'help'],
      ['Helo', 'help'],
      ['portfollio', 'portfolio'],
      ['porfolio', 'portfolio'],
      ['overveiw', 'overview'],
      ['renewls', 'renewals'],
      ['trails', 'customers with trials'],
      ['exprot', 'export'],
      ['recomendations', 'recommendations'],
    ];
    expect(read.map(([word]) => mistypedCommand(word))).to.deep.equal(read.map(([, meant]) => meant));
  });

  it('leaves alone short words, sentences, and words near no command or too far from one', () => {
    for (const word of ['hep', 'zebra', 'contso', 'party', 'help me out', 'portfolio2', 'prtflo']) {
      expect(mistypedCommand(word), word).to.equal(null);
    }
  });
});
