import { expect } from 'chai';
import { CustomerIndex, wordsBesideName } from '../../src/query/customer-index.js';

describe('finding a customer named inside a sentence', () => {
  const index = new CustomerIndex(['Contoso Ltd', 'Contoso Pharma', 'Fabrikam Inc', 'Best For You Organics', 'HP Inc']);

  it('takes the names whose start the sentence says as whole words, the longest match among names that start alike', () => {
    expect(index.mentionedIn('what about Contoso Pharma numbers?')).to.deep.equal(['Contoso Pharma']);
    expect(index.mentionedIn('how is contoso')).to.deep.equal(['Contoso Ltd', 'Contoso Pharma']);
    expect(index.mentionedIn('compare Contoso Ltd and Fabrikam')).to.deep.equal(['Contoso Ltd', 'Fabrikam Inc']);
    // Part of a word is not a name.
    expect(index.mentionedIn('fabrikamz contosos')).to.deep.equal([]);
    // A possessive is the name it belongs to.
    expect(index.mentionedIn("how is Fabrikam's Teams usage")).to.deep.equal(['Fabrikam Inc']);
    expect(index.mentionedIn("Contoso Pharma's card")).to.deep.equal(['Contoso Pharma']);
    expect(
      new CustomerIndex(['Adventure Works', "Alice's Bakery"]).mentionedIn("Adventure Works' numbers and Alice's Bakery"),
    ).to.deep.equal(['Adventure Works', "Alice's Bakery"]);
  });

  it('never reads words that only surround names, or names under three letters, as a mention', () => {
    expect(index.mentionedIn('show the best customers')).to.deep.equal([]);
    expect(index.mentionedIn('hp usage')).to.deep.equal([]);
    // Typed alone, such names are still found the usual way.
    expect(index.find('best for you')).to.deep.equal({ kind: 'one', name: 'Best For You Organics' });
    expect(index.find('HP')).to.deep.equal({ kind: 'one', name: 'HP Inc' });
  });

  it('spells a name whole or in part, and never reads a sentence or forgives a typo, for filing data', () => {
    expect(index.spelled('contoso ltd')).to.deep.equal(['Contoso Ltd']);
    expect(index.spelled('Contoso')).to.deep.equal(['Contoso Ltd', 'Contoso Pharma']);
    expect(index.spelled('Contoso Labs')).to.deep.equal([]);
    expect(index.spelled('Fabrikm')).to.deep.equal([]);
    expect(index.spelled('for Fabrikam')).to.deep.equal([]);
  });

  it('is tried after exact and partial matches, before fuzzy ones', () => {
    expect(index.find('what should I do for Fabrikam')).to.deep.equal({ kind: 'one', name: 'Fabrikam Inc' });
    expect(index.find('contoso')).to.deep.equal({ kind: 'several', names: ['Contoso Ltd', 'Contoso Pharma'] });
    expect(index.find('Fabrikm')).to.deep.equal({ kind: 'one', name: 'Fabrikam Inc' });
  });
});

describe('the words beside a customer name in a sentence', () => {
  it('leaves out the run of words naming it, whole or by its first words, possessive or not, and keeps the rest as typed', () => {
    expect(wordsBesideName('E3 at Contoso', 'Contoso Ltd')).to.deep.equal(['E3', 'at']);
    expect(wordsBesideName("Fabrikam's Business Premium usage", 'Fabrikam Inc')).to.deep.equal(['Business', 'Premium', 'usage']);
    expect(wordsBesideName('how is E3 doing at contoso ltd?', 'Contoso Ltd')).to.deep.equal(['how', 'is', 'E3', 'doing', 'at']);
    expect(wordsBesideName("Adventure Works' E5", 'Adventure Works')).to.deep.equal(['E5']);
    expect(wordsBesideName("Alice's Bakery E3", "Alice's Bakery")).to.deep.equal(['E3']);
    // The first run that starts the name; a sentence that never says it keeps every word.
    expect(wordsBesideName('Contoso Contoso Ltd', 'Contoso Ltd')).to.deep.equal(['Contoso', 'Ltd']);
    expect(wordsBesideName('Contso E3', 'Contoso Ltd')).to.deep.equal(['Contso', 'E3']);
  });
});
