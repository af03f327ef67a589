import { count, date, enumValue, field, flag, isObject, Notes, optionalCount, requiredText, text, type JsonObject } from './fields.js';
import { contextCustomer, NO_CUSTOMER_HINT, pagingNote, readItems, tenantInLinks, type JsonDocument } from './json-document.js';
import { FormatError, itemHas, objectTypeIs, type JsonFormat } from './json-format.js';
import type { ImportContext } from './read-result.js';
import {
  SERVICE_REQUEST_SEVERITIES,
  SERVICE_REQUEST_STATUSES,
  SUBSCRIPTION_STATUSES,
  type CustomerRef,
  type DeploymentRecord,
  type ServiceRequestRecord,
  type SubscriptionRecord,
  keyOfCustomer,
  renewalFields,
} from '../records.js';

/**
 * Partner Center per-customer resources: subscriptions, subscribed SKUs and service requests
 * (GET /v1/customers/{id}/subscriptions | /subscribedskus | /servicerequests[/{id}]). These answers
 * do not carry the customer's name; the tenant id is read from their links when present.
 */

function customerOf(doc: JsonDocument, ctx: ImportContext, organization: CustomerRef | null = null): CustomerRef {
  const customer = contextCustomer(ctx, organization ?? { tenantId: tenantInLinks(doc.root), name: null });
  if (customer === null) throw new FormatError('the file names no customer', NO_CUSTOMER_HINT);
  return customer;
}

/** New-commerce offer ids are product:sku:availability; subscriptions of one SKU share product:sku. */
function offerKeyOf(offerId: string): string {
  const parts = offerId.split(':');
  return (parts.length >= 2 ? parts.slice(0, 2).join(':') : offerId).toUpperCase();
}

export const pcSubscriptions: JsonFormat = {
  kind: 'Partner Center subscriptions',
  matches: (doc) => objectTypeIs(doc, 'Subscription') || itemHas(doc, 'quantity', 'status', ['offerId', 'offerName', 'friendlyName']),
  read(doc, ctx, notes): SubscriptionRecord[] {
    pagingNote(doc, ctx, notes);
    const customer = customerOf(doc, ctx);
    return readItems(doc, (item) => {
      const subscriptionId = requiredText(item, ['id'], notes);
      const offerId = text(item, ['offerId'], notes) ?? subscriptionId;
      return {
        kind: 'subscription',
        key: `subscription|${keyOfCustomer(customer)}|${subscriptionId.toLowerCase()}`,
        customer,
        source: 'pc-subscriptions',
        asOf: ctx.receivedAt,
        subscriptionId,
        offerKey: offerKeyOf(offerId),
        offerName: text(item, ['offerName'], notes) ?? text(item, ['friendlyName'], notes) ?? offerId,
        status: enumValue(item, ['status'], SUBSCRIPTION_STATUSES, notes, 'none'),
        quantity: count(item, ['quantity'], notes),
        isTrial: flag(item, ['isTrial'], notes),
        attentionNeeded: flag(item, ['attentionNeeded'], notes),
        billingCycle: text(item, ['billingCycle'], notes),
        creationDate: date(item, ['creationDate'], notes),
        ...renewalFields(
          date(item, ['commitmentEndDate'], notes),
          field(item, ['autoRenewEnabled']) === undefined ? null : flag(item, ['autoRenewEnabled'], notes),
        ),
      };
    });
  },
};

export const pcSubscribedSkus: JsonFormat = {
  kind: 'Partner Center subscribed SKUs',
  matches: (doc) => objectTypeIs(doc, 'SubscribedSku') || itemHas(doc, 'totalUnits', 'consumedUnits', 'productSku'),
  read(doc, ctx, notes): DeploymentRecord[] {
    pagingNote(doc, ctx, notes);
    const customer = customerOf(doc, ctx);
    return readItems(doc, (item) => {
      const sku = isObject(item['productSku']) ? item['productSku'] : {};
      const product = text(sku, ['name'], notes) ?? text(sku, ['skuPartNumber'], notes) ?? 'Unknown product';
      const total = count(item, ['totalUnits'], notes);
      const suspended = optionalCount(item, ['suspendedUnits'], notes);
      const warning = optionalCount(item, ['warningUnits'], notes);
      return {
        kind: 'deployment',
        key: `deployment|${keyOfCustomer(customer)}|pc-subscribed-skus|${(text(sku, ['id'], notes) ?? product).toLowerCase()}`,
        customer,
        source: 'pc-subscribed-skus',
        asOf: ctx.receivedAt,
        product,
        // totalUnits counts suspended units too; they are not sold entitlements.
        sold: Math.max(0, total - suspended),
        assigned: count(item, ['consumedUnits'], notes),
        units: { enabled: optionalCount(item, ['activeUnits'], notes), warning, suspended, lockedOut: 0 },
      };
    });
  },
};

function organizationOf(item: JsonObject, notes: Notes): CustomerRef | null {
  const organization = item['organization'];
  if (!isObject(organization)) return null;
  const tenantId = text(organization, ['id'], notes);
  const name = text(organization, ['name'], notes);
  return tenantId === null && name === null ? null : { tenantId, name };
}

export const pcServiceRequests: JsonFormat = {
  kind: 'Partner Center service requests',
  matches: (doc) => objectTypeIs(doc, 'ServiceRequest') || itemHas(doc, 'title', 'severity', 'status', 'id'),
  read(doc, ctx, notes): ServiceRequestRecord[] {
    pagingNote(doc, ctx, notes);
    return readItems(doc, (item) => {
      const customer = customerOf(doc, ctx, organizationOf(item, notes));
      const requestId = requiredText(item, ['id'], notes);
      return {
        kind: 'service-request',
        key: `service-request|${keyOfCustomer(customer)}|${requestId}`,
        customer,
        source: 'pc-service-requests',
        asOf: date(item, ['lastModifiedDate'], notes) ?? date(item, ['createdDate'], notes) ?? ctx.receivedAt,
        requestId,
        title: text(item, ['title'], notes) ?? '(no title)',
        status: enumValue(item, ['status'], SERVICE_REQUEST_STATUSES, notes, 'none'),
        severity: enumValue(item, ['severity'], SERVICE_REQUEST_SEVERITIES, notes, 'unknown'),
        createdDate: date(item, ['createdDate'], notes),
      };
    });
  },
};
