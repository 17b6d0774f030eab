import type {
  EntitlementRecord,
  LicenseRecord,
  ProductInstanceRecord,
  SmartAccountRecord,
  VirtualAccountRecord,
} from '../../services/index.js';
import { toGlobalId, toGlobalIdOrNull } from '../node/global-id.js';

import type {
  EntitlementGql,
  LicenseGql,
  ProductInstanceGql,
  SmartAccountGql,
  VirtualAccountGql,
} from './account.type.js';
import type {
  ConnectionMode,
  EntitlementSource,
  Environment,
  InstanceStatus,
  LicenseKind,
  EntitlementType,
  LicenseType,
  LicenseUnit,
} from './enums.js';

// Service records → GraphQL objects: the one mapper of this edge. Enum values are the same strings.

export const toSmartAccountGql = (r: SmartAccountRecord): SmartAccountGql => ({
  id: toGlobalId('SmartAccount', r.id),
  databaseId: r.id,
  name: r.name,
  domain: r.domain,
  smartAccountId: r.id,
});

export const toVirtualAccountGql = (r: VirtualAccountRecord): VirtualAccountGql => ({
  id: toGlobalId('VirtualAccount', r.id),
  databaseId: r.id,
  name: r.name,
  description: r.description,
  businessUnit: r.businessUnit,
  region: r.region,
  environment: r.environment as Environment,
  isDefault: r.isDefault,
  locked: r.locked,
  virtualAccountId: r.id,
  smartAccountId: r.smartAccountId,
});

export const toLicenseGql = (r: LicenseRecord): LicenseGql => ({
  id: toGlobalId('License', r.id),
  databaseId: r.id,
  name: r.name,
  entitlementTag: r.entitlementTag,
  productFamily: r.productFamily,
  unit: r.unit as LicenseUnit,
  kind: r.kind as LicenseKind,
  entitlementType: r.entitlementType as EntitlementType | null,
  licenseId: r.id,
  requiredBaseLicenseId: r.requiredBaseLicenseId,
});

export const toEntitlementGql = (r: EntitlementRecord): EntitlementGql => ({
  id: toGlobalId('Entitlement', r.id),
  databaseId: r.id,
  quantity: r.quantity,
  licenseType: r.licenseType as LicenseType,
  startDate: r.startDate,
  endDate: r.endDate,
  source: r.source as EntitlementSource,
  subscriptionId: r.subscriptionId,
  orderNumber: r.orderNumber,
  sku: r.sku,
  pakNumber: r.pakNumber,
  deviceSerial: r.deviceSerial,
  parentLotId: toGlobalIdOrNull('Entitlement', r.parentLotId),
  licenseId: r.licenseId,
});

export const toProductInstanceGql = (r: ProductInstanceRecord): ProductInstanceGql => ({
  id: toGlobalId('ProductInstance', r.id),
  databaseId: r.id,
  name: r.name,
  udiPid: r.udiPid,
  udiSerial: r.udiSerial,
  hostname: r.hostname,
  productType: r.productType,
  connectionMode: r.connectionMode as ConnectionMode,
  status: r.status as InstanceStatus,
  satelliteName: r.satelliteName,
  lastContactAt: r.lastContactAt ? r.lastContactAt.toISOString() : null,
});
