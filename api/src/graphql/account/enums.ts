import { registerEnumType } from 'type-graphql';

import {
  CONNECTION_MODES,
  type ConnectionMode as ConnectionModeValue,
} from '../../domain/index.js';
import { enumFromList } from '../enum-from-list.js';

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
/** Built from the domain's one list (`CONNECTION_MODES`). */
export const ConnectionMode = enumFromList(CONNECTION_MODES);
export type ConnectionMode = ConnectionModeValue;
export enum InstanceStatus {
  ACTIVE = 'ACTIVE',
  DECOMMISSIONED = 'DECOMMISSIONED',
}

registerEnumType(Environment, {
  name: 'Environment',
  description:
    'What a Virtual Account serves (PRODUCTION unless tagged otherwise). A reallocation policy can keep production entitlements out of the others.',
  valuesConfig: {
    PRODUCTION: { description: 'Production estate.' },
    NON_PRODUCTION: { description: 'Staging, test or other non-production estate.' },
    LAB: { description: 'A lab.' },
  },
});
registerEnumType(LicenseUnit, {
  name: 'LicenseUnit',
  description: 'How a license is counted (from the license catalog).',
  valuesConfig: {
    DEVICE: { description: 'One unit per device (product instance) that uses it.' },
    USER: { description: 'One unit per user.' },
    COUNT: { description: 'A plain count of whatever the license measures.' },
  },
});
registerEnumType(LicenseKind, {
  name: 'LicenseKind',
  description: 'ADD_ON licenses need their base license on the same device.',
  valuesConfig: {
    BASE: { description: 'A license that stands on its own (e.g. Network Essentials).' },
    ADD_ON: {
      description:
        'Needs a base license on the same device (e.g. DNA Essentials on Network Essentials); a missing base is an ADDON_WITHOUT_BASE finding.',
    },
  },
});
registerEnumType(LicenseType, {
  name: 'LicenseType',
  description:
    'Type of an entitlement lot. UNKNOWN: the source stated no type and neither the catalog, ' +
    'the name nor dates tell; counted as active with no known end; check it in CSSM.',
  valuesConfig: {
    TERM: {
      description:
        'Time-bound (term or subscription): owned from its start date to its end date inclusive.',
    },
    PERPETUAL: { description: 'Owned for good; no end date.' },
    UNKNOWN: {
      description:
        'Not stated and not inferable: counted as active with no end; check the type in CSSM before a transfer.',
    },
  },
});
registerEnumType(EntitlementType, {
  name: 'EntitlementType',
  description: 'How Cisco sells a license, from the catalog (null when not known).',
  valuesConfig: {
    TERM: { description: 'Sold for a term: lots of unstated type are taken as TERM.' },
    PERPETUAL: { description: 'Sold outright: lots of unstated type are taken as PERPETUAL.' },
    SUBSCRIPTION: {
      description: 'Sold as a subscription: lots of unstated type are taken as TERM.',
    },
    USAGE: {
      description:
        'Billed for what is used; says nothing about a lot’s type (dates and name decide).',
    },
  },
});
registerEnumType(EntitlementSource, {
  name: 'EntitlementSource',
  description: 'CLASSIC_PAK lots sit outside the Smart Account until converted.',
  valuesConfig: {
    SMART: { description: 'Smart Licensing entitlement in the Smart Account: it can be moved.' },
    CLASSIC_PAK: {
      description:
        'A classic (PAK) license not yet converted to Smart: owned only when includeClassic is true, never moved; convert it to use it in the Smart Account.',
    },
  },
});
registerEnumType(ConnectionMode, {
  name: 'ConnectionMode',
  description: 'How a device reports its license use to Cisco.',
  valuesConfig: {
    DIRECT_CLOUD: { description: 'Reports straight to CSSM (cloud).' },
    ON_PREM: {
      description:
        'Reports through an SSM On-Prem satellite, which must sync with Cisco before its deadline.',
    },
    SLR: {
      description:
        'Specific License Reservation: offline, holds the licenses reserved for it; never reports, never stale.',
    },
    PLR: {
      description:
        'Permanent License Reservation: offline, covers every feature of the device; never reports, never stale.',
    },
  },
});
registerEnumType(InstanceStatus, {
  name: 'InstanceStatus',
  description: 'Whether a device is in service.',
  valuesConfig: {
    ACTIVE: { description: 'In service.' },
    DECOMMISSIONED: {
      description:
        'Out of service, yet what it last reported or still reserves is still consumed: a GHOST_CONSUMPTION or STRANDED_RESERVATION finding until it is removed or returned.',
    },
  },
});
