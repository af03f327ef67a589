import { expect } from 'chai';
import { customersWithout, productLabel, productNames, productsNamed, productTotals } from '../../src/metrics/products.js';
import type { CustomerReport, ProductAdoption } from '../../src/metrics/report-types.js';
import { reportOf } from '../helpers.js';

const product = (name: string): ProductAdoption => ({ product: name, sold: 10, assigned: 5, deploymentPercent: 50, workloads: [] });

const customer = (...products: string[]): CustomerReport => reportOf('Contoso', { products: products.map(product) });

describe('products by name', () => {
  const c = customer('OFFICE 365 ENTERPRISE E3', 'SPE_E3', 'Microsoft Teams Premium Trial', 'Dynamics 365 Sales Enterprise');
  const names = (query: string): string[] => productsNamed(c, query).map((p) => p.product);

  it('takes a product whose name has every word asked, in any case and order, "_" and "-" as spaces', () => {
    expect(names('e3')).to.deep.equal(['OFFICE 365 ENTERPRISE E3', 'SPE_E3']);
    expect(names('Sales Dynamics')).to.deep.equal(['Dynamics 365 Sales Enterprise']);
    expect(names('microsoft-teams')).to.deep.equal(['Microsoft Teams Premium Trial']);
  });

  it('lets a word of three letters or more stand for the start of one, but not a shorter one', () => {
    expect(names('teams prem')).to.deep.equal(['Microsoft Teams Premium Trial']);
    expect(names('ent')).to.deep.equal(['OFFICE 365 ENTERPRISE E3', 'Dynamics 365 Sales Enterprise']);
    expect(names('e')).to.deep.equal([]);
    expect(names('E5')).to.deep.equal([]);
    expect(names(' - ')).to.deep.equal([]);
  });

  it('takes each product of "E3 or Sales", "E3 and Sales", "E3, Sales" when no one name has all the words', () => {
    const both = ['OFFICE 365 ENTERPRISE E3', 'SPE_E3', 'Dynamics 365 Sales Enterprise'];
    expect(names('E3 or Sales')).to.deep.equal(both);
    expect(names('e3 and sales')).to.deep.equal(both);
    expect(names('E3, Sales')).to.deep.equal(both);
    expect(names('E3 / Teams Premium')).to.deep.equal(['OFFICE 365 ENTERPRISE E3', 'SPE_E3', 'Microsoft Teams Premium Trial']);
    expect(names('E5 or E7')).to.deep.equal([]);
    // A name that has every word is the product asked, "and" included.
    const named = customer('Project and Roadmap', 'Project Plan 3');
    expect(productsNamed(named, 'project and roadmap').map((p) => p.product)).to.deep.equal(['Project and Roadmap']);
    // Titles say how the words were read.
    expect(productLabel([c], 'E3 and Sales')).to.equal('E3 or Sales');
    expect(productLabel([c], 'E3, Sales and Teams Premium')).to.equal('E3 or Sales or Teams Premium');
    expect(productLabel([c, named], 'Project and Roadmap')).to.equal('Project and Roadmap');
    expect(productLabel([c], 'E3')).to.equal('E3');
  });

  it('lists every product name once, as first spelled, in alphabetical order', () => {
    expect(productNames([customer('SPE_E3', 'Office 365 E1'), customer('OFFICE 365 E1', 'Dynamics 365')])).to.deep.equal([
      'Dynamics 365',
      'Office 365 E1',
      'SPE_E3',
    ]);
  });

  it('sums each product over the customers, case aside, the most licenses sold first, products without counts last', () => {
    // Usage over the workloads that count entitlements (a Graph report's row without them is left out).
    const workload = (active: number, entitled: number | null) => ({
      workload: 'Teams',
      active,
      entitled,
      usagePercent: null,
      source: 'pc-analytics' as const,
    });
    const counted = (name: string, sold: number, assigned: number, ...workloads: ProductAdoption['workloads']): ProductAdoption => ({
      product: name,
      sold,
      assigned,
      deploymentPercent: null,
      workloads,
    });
    const uncounted: ProductAdoption = {
      product: 'Microsoft 365 users',
      sold: null,
      assigned: null,
      deploymentPercent: null,
      workloads: [workload(40, 50)],
    };
    const portfolio = [
      reportOf('A', {
        products: [counted('OFFICE 365 E3', 100, 90, workload(30, 90), workload(7, null)), counted('Dynamics 365', 20, 5), uncounted],
      }),
      reportOf('B', { products: [counted('Office 365 E3', 60, 20, workload(20, 20)), uncounted] }),
      reportOf('C', { products: [counted('Business Premium', 150, 150, workload(150, 150))] }),
    ];
    const e3 = {
      product: 'OFFICE 365 E3',
      customers: 2,
      sold: 160,
      assigned: 110,
      deploymentPercent: 68.8,
      active: 50,
      entitled: 110,
      usagePercent: 45.5,
    };
    const bp = {
      product: 'Business Premium',
      customers: 1,
      sold: 150,
      assigned: 150,
      deploymentPercent: 100,
      active: 150,
      entitled: 150,
      usagePercent: 100,
    };
    const dynamics = {
      product: 'Dynamics 365',
      customers: 1,
      sold: 20,
      assigned: 5,
      deploymentPercent: 25,
      active: 0,
      entitled: 0,
      usagePercent: null,
    };
    const users = {
      product: 'Microsoft 365 users',
      customers: 2,
      sold: null,
      assigned: null,
      deploymentPercent: null,
      active: 80,
      entitled: 100,
      usagePercent: 80,
    };
    expect(productTotals(portfolio)).to.deep.equal([e3, bp, dynamics, users]);
    // By one number, lowest or highest first; those without it last.
    expect(productTotals(portfolio, { by: 'usage', order: 'lowest' })).to.deep.equal([e3, users, bp, dynamics]);
    expect(productTotals(portfolio, { by: 'usage', order: 'highest' })).to.deep.equal([bp, users, e3, dynamics]);
    expect(productTotals(portfolio, { by: 'deployment', order: 'lowest' })).to.deep.equal([dynamics, e3, bp, users]);
  });

  it("finds the customers without a product or a workload's entitlements, the most licenses sold first, ties in the order given", () => {
    const teams = (entitled: number) => [{ workload: 'Teams', active: 0, entitled, usagePercent: null }];
    const portfolio = [
      reportOf('Small E3', { sold: 10, products: [product('Office 365 E3')], workloads: teams(10) }),
      reportOf('Big BP', { sold: 300, products: [product('Microsoft 365 Business Premium')], workloads: teams(0) }),
      reportOf('Also 10', { sold: 10, products: [product('Dynamics 365 Sales')] }),
      reportOf('Nothing sold', { sold: 0, products: [] }),
    ];
    const names = (...args: Parameters<typeof customersWithout>) => customersWithout(...args).map((c) => c.customer);
    expect(names(portfolio, { kind: 'product', words: 'e3' })).to.deep.equal(['Big BP', 'Also 10', 'Nothing sold']);
    // No Teams figures, or Teams counted with no one entitled: both are without it.
    expect(names(portfolio, { kind: 'workload', workload: 'Teams' })).to.deep.equal(['Big BP', 'Also 10', 'Nothing sold']);
    expect(names(portfolio, { kind: 'product', words: 'E5' })).to.have.length(4);
  });
});
