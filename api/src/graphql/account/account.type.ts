import { Field, ID, Int, ObjectType } from 'type-graphql';

import { Connection } from '../connection.js';
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

@ObjectType('SmartAccount', { description: 'A Cisco Smart Account, identified by its domain.' })
export class SmartAccountGql {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) domain!: string;
  /** Internal key for loaders; not a GraphQL field. */
  smartAccountId!: number;
}

@ObjectType('VirtualAccount')
export class VirtualAccountGql {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) businessUnit!: string | null;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => Environment) environment!: Environment;
  @Field(() => Boolean) isDefault!: boolean;
  @Field(() => Boolean, {
    description: 'A locked Virtual Account never gives or receives entitlements.',
  })
  locked!: boolean;
  virtualAccountId!: number;
  smartAccountId!: number;
}

@ObjectType('License', { description: 'A licensable thing as Cisco names it.' })
export class LicenseGql {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) entitlementTag!: string | null;
  @Field(() => String, { nullable: true }) productFamily!: string | null;
  @Field(() => LicenseUnit) unit!: LicenseUnit;
  @Field(() => LicenseKind) kind!: LicenseKind;
  @Field(() => EntitlementType, {
    nullable: true,
    description: 'How Cisco sells it, from the catalog; null when not known.',
  })
  entitlementType!: EntitlementType | null;
  licenseId!: number;
  requiredBaseLicenseId!: number | null;
}

@ObjectType('Entitlement', {
  description: 'A lot: a quantity of one license owned in one Virtual Account.',
})
export class EntitlementGql {
  @Field(() => ID) id!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => LicenseType) licenseType!: LicenseType;
  @Field(() => DateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  @Field(() => EntitlementSource) source!: EntitlementSource;
  @Field(() => String, { nullable: true }) subscriptionId!: string | null;
  @Field(() => String, { nullable: true }) orderNumber!: string | null;
  @Field(() => String, { nullable: true }) sku!: string | null;
  @Field(() => String, { nullable: true }) pakNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Classic PAK lots: the serial of the device the PAK was fulfilled for.',
  })
  deviceSerial!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The lot this one was split from by a transfer.',
  })
  parentLotId!: string | null;
  licenseId!: number;
}

@ObjectType('ProductInstance', { description: 'A registered device.' })
export class ProductInstanceGql {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) udiPid!: string | null;
  @Field(() => String, { nullable: true }) udiSerial!: string | null;
  @Field(() => String, { nullable: true }) hostname!: string | null;
  @Field(() => String, { nullable: true }) productType!: string | null;
  @Field(() => ConnectionMode) connectionMode!: ConnectionMode;
  @Field(() => InstanceStatus) status!: InstanceStatus;
  @Field(() => String, {
    nullable: true,
    description: 'SSM On-Prem satellite, for ON_PREM instances.',
  })
  satelliteName!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601 timestamp (UTC).' })
  lastContactAt!: string | null;
}

export const ProductInstanceConnection = Connection('ProductInstance', ProductInstanceGql);
export type ProductInstanceConnection = InstanceType<typeof ProductInstanceConnection>;
