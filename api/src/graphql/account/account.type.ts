import { Field, ID, Int, ObjectType } from 'type-graphql';

import { Connection } from '../connection.js';
import { NodeInterface, describeDatabaseId, describeGlobalId } from '../node/node.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

import {
  ConnectionMode,
  EntitlementSource,
  Environment,
  InstanceStatus,
  LicenseKind,
  EntitlementType,
  LicenseType,
  LicenseUnit,
} from './enums.js';

@ObjectType('SmartAccount', {
  implements: NodeInterface,
  description: 'A Cisco Smart Account, identified by its domain.',
})
export class SmartAccountGql {
  @Field(() => ID, { description: describeGlobalId('Smart Account') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('Smart Account') })
  databaseId!: number;
  @Field(() => String, { description: 'Display name, as imported or given at creation.' })
  name!: string;
  @Field(() => String, {
    description: 'The Smart Account domain (e.g. acme.example): its key in every argument.',
  })
  domain!: string;
  /** Internal key for loaders; not a GraphQL field. */
  smartAccountId!: number;
}

@ObjectType('VirtualAccount', {
  implements: NodeInterface,
  description:
    'A Virtual Account of a Smart Account: the unit that owns entitlements and consumes licenses. Its tags (businessUnit, region, environment) drive rollups and reallocation policies.',
})
export class VirtualAccountGql {
  @Field(() => ID, { description: describeGlobalId('Virtual Account') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('Virtual Account') })
  databaseId!: number;
  @Field(() => String, {
    description: 'Name as in CSSM, unique in the Smart Account; arguments name it by this.',
  })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Free text; null when none.' })
  description!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Business unit tag (rollup BUSINESS_UNIT); null when untagged.',
  })
  businessUnit!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Region tag (rollup REGION); null when untagged.',
  })
  region!: string | null;
  @Field(() => Environment, { description: 'Environment tag; PRODUCTION unless tagged.' })
  environment!: Environment;
  @Field(() => Boolean, {
    description: 'The Smart Account’s default Virtual Account (at most one per account).',
  })
  isDefault!: boolean;
  @Field(() => Boolean, {
    description: 'A locked Virtual Account never gives or receives entitlements.',
  })
  locked!: boolean;
  virtualAccountId!: number;
  smartAccountId!: number;
}

@ObjectType('License', {
  implements: NodeInterface,
  description: 'A licensable thing as Cisco names it.',
})
export class LicenseGql {
  @Field(() => ID, { description: describeGlobalId('license') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('license') })
  databaseId!: number;
  @Field(() => String, {
    description: 'The license name as Cisco spells it in CSSM; arguments name it by this.',
  })
  name!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Cisco’s entitlement tag, the identifier RUM reports and SLR authorization codes use; null when no import or catalog gave one.',
  })
  entitlementTag!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Product family (e.g. Catalyst 9300), from the catalog; null when not known.',
  })
  productFamily!: string | null;
  @Field(() => LicenseUnit, { description: 'How a unit of it is counted.' })
  unit!: LicenseUnit;
  @Field(() => LicenseKind, { description: 'BASE, or ADD_ON needing a base license.' })
  kind!: LicenseKind;
  @Field(() => EntitlementType, {
    nullable: true,
    description: 'How Cisco sells it, from the catalog; null when not known.',
  })
  entitlementType!: EntitlementType | null;
  licenseId!: number;
  requiredBaseLicenseId!: number | null;
}

@ObjectType('Entitlement', {
  implements: NodeInterface,
  description: 'A lot: a quantity of one license owned in one Virtual Account.',
})
export class EntitlementGql {
  @Field(() => ID, { description: describeGlobalId('entitlement lot') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('entitlement lot') })
  databaseId!: number;
  @Field(() => Int, { description: 'Units of the license in the lot.' })
  quantity!: number;
  @Field(() => LicenseType, { description: 'TERM, PERPETUAL or UNKNOWN (check in CSSM).' })
  licenseType!: LicenseType;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the lot counts as owned; null: no start stated (counts at any date).',
  })
  startDate!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day a TERM lot counts as owned; null: no end (perpetual or unknown).',
  })
  endDate!: string | null;
  @Field(() => EntitlementSource, {
    description: 'SMART, or CLASSIC_PAK not yet converted into the Smart Account.',
  })
  source!: EntitlementSource;
  @Field(() => String, {
    nullable: true,
    description: 'Cisco subscription id of a TERM lot; null when the source names none.',
  })
  subscriptionId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cisco sales order number; null when the source names none.',
  })
  orderNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cisco product SKU ordered; null when the source names none.',
  })
  sku!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Classic lots: the Product Activation Key it came from; null for Smart lots.',
  })
  pakNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Classic PAK lots: the serial of the device the PAK was fulfilled for.',
  })
  deviceSerial!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The lot this one was split from by a transfer (Entitlement.id, a global id); null when none.',
  })
  parentLotId!: string | null;
  licenseId!: number;
}

@ObjectType('ProductInstance', {
  implements: NodeInterface,
  description: 'A registered device.',
})
export class ProductInstanceGql {
  @Field(() => ID, { description: describeGlobalId('product instance') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('product instance') })
  databaseId!: number;
  @Field(() => String, { description: 'The product instance name as CSSM shows it.' })
  name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'UDI product id (model, e.g. C9300-24P); null when not reported.',
  })
  udiPid!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'UDI serial number; null when not reported. Matches SLR codes and Event Log rows.',
  })
  udiSerial!: string | null;
  @Field(() => String, { nullable: true, description: 'Host name; null when not reported.' })
  hostname!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Product type as Cisco reports it (e.g. C9300); null when not reported.',
  })
  productType!: string | null;
  @Field(() => ConnectionMode, { description: 'How it reports to Cisco.' })
  connectionMode!: ConnectionMode;
  @Field(() => InstanceStatus, { description: 'ACTIVE or DECOMMISSIONED.' })
  status!: InstanceStatus;
  @Field(() => String, {
    nullable: true,
    description: 'SSM On-Prem satellite, for ON_PREM instances.',
  })
  satelliteName!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Last time it reported to Cisco, ISO 8601 timestamp (UTC); null when unknown (then never judged stale).',
  })
  lastContactAt!: string | null;
}

export const ProductInstanceConnection = Connection('ProductInstance', ProductInstanceGql);
export type ProductInstanceConnection = InstanceType<typeof ProductInstanceConnection>;
