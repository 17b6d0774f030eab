import { registerEnumType } from 'type-graphql';

// GraphQL enums mirror the database enums; values are the same strings end to end.
export enum Environment {
  PRODUCTION = 'PRODUCTION',
  NON_PRODUCTION = 'NON_PRODUCTION',
  LAB = 'LAB',
}
export enum LicenseUnit {
  DEVICE = 'DEVICE',
  USER = 'USER',
  COUNT = 'COUNT',
}
export enum LicenseKind {
  BASE = 'BASE',
  ADD_ON = 'ADD_ON',
}
export enum LicenseType {
  TERM = 'TERM',
  PERPETUAL = 'PERPETUAL',
  UNKNOWN = 'UNKNOWN',
}
export enum EntitlementType {
  TERM = 'TERM',
  PERPETUAL = 'PERPETUAL',
  SUBSCRIPTION = 'SUBSCRIPTION',
  USAGE = 'USAGE',
}
export enum EntitlementSource {
  SMART = 'SMART',
  CLASSIC_PAK = 'CLASSIC_PAK',
}
export enum ConnectionMode {
  DIRECT_CLOUD = 'DIRECT_CLOUD',
  ON_PREM = 'ON_PREM',
  SLR = 'SLR',
  PLR = 'PLR',
}
export enum InstanceStatus {
  ACTIVE = 'ACTIVE',
  DECOMMISSIONED = 'DECOMMISSIONED',
}

registerEnumType(Environment, { name: 'Environment' });
registerEnumType(LicenseUnit, { name: 'LicenseUnit', description: 'How a license is counted.' });
registerEnumType(LicenseKind, {
  name: 'LicenseKind',
  description: 'ADD_ON licenses need their base license on the same device.',
});
registerEnumType(LicenseType, {
  name: 'LicenseType',
  description:
    'Type of an entitlement lot. UNKNOWN: the source stated no type and neither the catalog, ' +
    'the name nor dates tell; counted as active with no known end; check it in CSSM.',
});
registerEnumType(EntitlementType, {
  name: 'EntitlementType',
  description: 'How Cisco sells a license, from the catalog (null when not known).',
});
registerEnumType(EntitlementSource, {
  name: 'EntitlementSource',
  description: 'CLASSIC_PAK lots sit outside the Smart Account until converted.',
});
registerEnumType(ConnectionMode, { name: 'ConnectionMode' });
registerEnumType(InstanceStatus, { name: 'InstanceStatus' });
