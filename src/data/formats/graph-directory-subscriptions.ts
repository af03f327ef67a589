import { count, date, enumValue, flag, requiredText } from './fields.js';
import { contextCustomer, NO_CUSTOMER_HINT, pagingNote, readItems } from './json-document.js';
import { FormatError, itemHas, type JsonFormat } from './json-format.js';
import { keyOfCustomer, renewalFields, type SubscriptionRecord, type SubscriptionStatus } from '../records.js';

/**
 * Microsoft Graph GET /directory/subscriptions in one customer tenant (companySubscription): every
 * commercial subscription with its SKU, seats, trial flag and status. Two subscriptions with one
 * skuId sell the same SKU; "Warning" is the grace period, "LockedOut" no longer usable. The answer
 * does not name the tenant: the sync (or --tenant) does.
 */
const GRAPH_STATUSES = ['Enabled', 'Warning', 'Suspended', 'Deleted', 'LockedOut'] as const;

const STATUS: Readonly<Record<(typeof GRAPH_STATUSES)[number], SubscriptionStatus>> = {
  Enabled: 'active',
  Warning: 'active',
  Suspended: 'suspended',
  Deleted: 'deleted',
  LockedOut: 'disabled',
};

export const graphDirectorySubscriptions: JsonFormat = {
  kind: 'Microsoft Graph directory subscriptions',
  matches: (doc) => itemHas(doc, 'skuPartNumber', 'totalLicenses', 'skuId'),
  read(doc, ctx, notes): SubscriptionRecord[] {
    pagingNote(doc, ctx, notes);
    const customer = contextCustomer(ctx, { tenantId: null, name: null });
    if (customer === null) throw new FormatError('the file names no customer', NO_CUSTOMER_HINT);
    return readItems(doc, (item) => {
      const subscriptionId = requiredText(item, ['id'], notes);
      const graphStatus = enumValue(item, ['status'], GRAPH_STATUSES, notes, 'Enabled');
      return {
        kind: 'subscription',
        key: `subscription|${keyOfCustomer(customer)}|${subscriptionId.toLowerCase()}`,
        customer,
        source: 'graph-directory-subscriptions',
        asOf: ctx.receivedAt,
        subscriptionId,
        offerKey: requiredText(item, ['skuId'], notes).toUpperCase(),
        offerName: requiredText(item, ['skuPartNumber'], notes),
        status: STATUS[graphStatus],
        quantity: count(item, ['totalLicenses'], notes),
        isTrial: flag(item, ['isTrial'], notes),
        attentionNeeded: graphStatus === 'Warning',
        billingCycle: null,
        creationDate: date(item, ['createdDateTime'], notes),
        ...renewalFields(date(item, ['nextLifecycleDateTime'], notes), null),
      };
    });
  },
};
