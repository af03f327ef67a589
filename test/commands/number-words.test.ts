import { expect } from 'chai';
import { parseCommand } from '../../src/commands/command.js';
import { spelledNumbersAsDigits } from '../../src/commands/questions/number-words.js';

describe('numbers spelled out in questions', () => {
  it('reads a number word before a unit, after a ranking word, and a share ("half", "a third") after a comparison', () => {
    const read: [string, string][] = [
      ['below forty percent', 'below 40 percent'],
      ['under forty-five %', 'under 45 %'],
      ['usage over seventy five%', 'usage over 75%'],
      ['more than a hundred seats', 'more than 100 seats'],
      ['more than one hundred licenses', 'more than 100 licenses'],
      ['in the next thirteen days', 'in the next 13 days'],
      ['more than fifty unassigned licenses', 'more than 50 unassigned licenses'],
      ['dropped more than nine points', 'dropped more than 9 points'],
      ['top three customers', 'top 3 customers'],
      ['bottom twenty-one by usage', 'bottom 21 by usage'],
      ['less than half their licenses', 'less than 50% their licenses'],
      ['less than a third of their licenses', 'less than 33.3% of their licenses'],
      ['deployment at least two thirds', 'deployment at least 66.7%'],
      ['usage below a quarter', 'usage below 25%'],
      // A share, not three quarters of a year.
      ['deployment over three quarters', 'deployment over 75%'],
      ['renewals in the next three quarters', 'renewals in the next 3 quarters'],
      ['mute contoso for zero days', 'mute contoso for 0 days'],
    ];
    expect(read.map(([text]) => spelledNumbersAsDigits(text))).to.deep.equal(read.map(([, digits]) => digits));
  });

  it('leaves names and words that only look like numbers as they are', () => {
    const kept = [
      'fourth coffee',
      'adoption for one stop shop',
      'seven seas ltd',
      'half moon bay',
      'ten thousand villages',
      'share tenet',
      'a quarter of customers',
    ];
    expect(kept.map(spelledNumbersAsDigits)).to.deep.equal(kept);
  });

  it('asks for a customer by its name as typed, number words and all, in questions and settings', () => {
    expect(parseCommand('adoption for Three Days Grace')).to.deep.equal({ kind: 'customer', query: 'Three Days Grace', explicit: true });
    expect(parseCommand('tell me about Three Days Grace')).to.deep.equal({ kind: 'customer', query: 'Three Days Grace', explicit: false });
    expect(parseCommand('Three Days Grace')).to.deep.equal({ kind: 'customer', query: 'Three Days Grace', explicit: false });
    expect(parseCommand('why is Three Days Grace low?')).to.deep.equal({ kind: 'why', customer: 'Three Days Grace' });
    // Settings read their spans in digits ("for two weeks") and the name as typed.
    expect(parseCommand('mute Three Days Grace for two weeks')).to.deep.equal({
      kind: 'mute',
      customer: { name: 'Three Days Grace' },
      days: 14,
    });
    expect(parseCommand('link this channel to Three Days Grace')).to.deep.equal({ kind: 'link', customer: { name: 'Three Days Grace' } });
    expect(parseCommand('share Three Days Grace here')).to.deep.equal({ kind: 'customer', query: 'Three Days Grace', explicit: true });
    expect(parseCommand('alert me when Three Days Grace drops below forty percent')).to.deep.include({
      kind: 'alerts-on',
      percent: 40,
      customer: { name: 'Three Days Grace' },
    });
    expect(parseCommand('compare Three Days Grace and Contoso')).to.deep.equal({
      kind: 'compare',
      customers: [{ name: 'Three Days Grace' }, { name: 'Contoso' }],
    });
  });
});
