import { count, isObject, optionalCount, requiredText, text } from './fields.js';
import { contextCustomer, NO_CUSTOMER_HINT, pagingNote, readItems } from './json-document.js';
import { FormatError, itemHas, type JsonFormat } from './json-format.js';
import { keyOfCustomer, type DeploymentRecord } from '../records.js';

/**
 * Microsoft Graph GET /subscribedSkus in one customer tenant. Sold = enabled + warning prepaid
 * units (warning units are in their grace period but still usable); suspended and locked-out
 * units are not sold entitlements. The item id is "{tenantId}_{skuId}".
 */
export const graphSubscribedSkus: JsonFormat = {
  kind: 'Microsoft Graph subscribedSkus',
  matches: (doc) => itemHas(doc, 'skuPartNumber', 'prepaidUnits', 'consumedUnits'),
  read(doc, ctx, notes): DeploymentRecord[] {
    pagingNote(doc, ctx, notes);
    const idTenant = /^([0-9a-f-]{36})_/i.exec(text(doc.items[0] ?? {}, ['id']) ?? '')?.[1] ?? null;
    const customer = contextCustomer(ctx, { tenantId: idTenant, name: null });
    if (customer === null) throw new FormatError('the file names no customer', NO_CUSTOMER_HINT);
    return readItems(doc, (item) => {
      const product = requiredText(item, ['skuPartNumber'], notes);
      const prepaid = isObject(item['prepaidUnits']) ? item['prepaidUnits'] : {};
      const units = {
        enabled: optionalCount(prepaid, ['enabled'], notes),
        warning: optionalCount(prepaid, ['warning'], notes),
        suspended: optionalCount(prepaid, ['suspended'], notes),
        lockedOut: optionalCount(prepaid, ['lockedOut'], notes),
      };
      const ids = item['subscriptionIds'];
      return {
        kind: 'deployment',
        key: `deployment|${keyOfCustomer(customer)}|graph-subscribed-skus|${(text(item, ['skuId'], notes) ?? product).toLowerCase()}`,
        customer,
        source: 'graph-subscribed-skus',
        asOf: ctx.receivedAt,
        product,
        sold: units.enabled + units.warning,
        assigned: count(item, ['consumedUnits'], notes),
        units,
        ...(Array.isArray(ids) ? { subscriptionIds: ids.filter((x): x is string => typeof x === 'string') } : {}),
      };
    });
  },
};
