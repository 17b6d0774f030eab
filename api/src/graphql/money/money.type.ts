import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import type { CurrencyCode } from '../../domain/index.js';
import { LicenseType } from '../account/enums.js';
import { DESCRIBE } from '../descriptions.js';
import { MutationInput } from '../mutation/mutation-input.js';
import { NodeInterface, describeDatabaseId, describeGlobalId } from '../node/node.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { CurrencyCodeGql } from './currency-code.type.js';
import { MoneyGql } from './money-value.type.js';

@ObjectType('PriceBookEntry', {
  implements: NodeInterface,
  description:
    'A license’s price in one currency from a date. Rates are basis points (1 % = 100 bp).',
})
export class PriceBookEntryGql {
  @Field(() => ID, { description: describeGlobalId('price book entry') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('price book entry') })
  databaseId!: number;
  @Field(() => String, { description: DESCRIBE.licenseName }) licenseName!: string;
  @Field(() => CurrencyCodeGql, { description: DESCRIBE.currency }) currency!: CurrencyCode;
  @Field(() => LicenseType, {
    nullable: true,
    description:
      "TERM: priced per unit per year; PERPETUAL: one-off per unit plus SWSS; null: as the license's lots are entitled.",
  })
  licenseType!: LicenseType | null;
  @Field(() => MoneyGql, {
    description: 'Cisco list price per unit (per year for TERM, one-off for PERPETUAL).',
  })
  listPrice!: MoneyGql;
  @Field(() => Int, { description: 'Discount off list, basis points (2500 = 25 %).' })
  discountBasisPoints!: number;
  @Field(() => Int, { description: 'SWSS support per year on perpetual, as a share of list.' })
  supportRateBasisPoints!: number;
  @Field(() => MoneyGql, { description: 'list × (1 − discount), rounded down: the true-up price.' })
  unitTrueUpPrice!: MoneyGql;
  @Field(() => String, {
    nullable: true,
    description:
      'The Enterprise Agreement suite the license belongs to (renewalModel input suite); null when none.',
  })
  eaSuite!: string | null;
  @Field(() => Boolean, {
    description:
      'Marked In EA: part of the EA comparison in renewalModel (false: bought a-la-carte under either option, left out).',
  })
  inEnterpriseAgreement!: boolean;
  @Field(() => MoneyGql, {
    description: 'Enterprise Agreement price per unit per year (the true-up price when not set).',
  })
  eaUnitPrice!: MoneyGql;
  @Field(() => Boolean, { description: 'Whether eaUnitPrice was set explicitly.' })
  hasEaUnitPrice!: boolean;
  @Field(() => DateScalar, {
    description:
      'First day the price is in force; it holds until a later entry of the same license and currency.',
  })
  validFrom!: string;
  licenseId!: number;
}

@ObjectType('ExposureTotals', {
  description: 'Gross, net and curable true-up exposure, one Money per currency.',
})
export class ExposureTotalsGql {
  @Field(() => [MoneyGql], {
    description: 'Σ per-Virtual-Account shortfall × price, one amount per currency.',
  })
  gross!: MoneyGql[];
  @Field(() => [MoneyGql], {
    description: 'Σ per license max(0, Σ consumed − Σ owned) × price: after reallocation.',
  })
  net!: MoneyGql[];
  @Field(() => [MoneyGql], { description: 'gross − net: what reallocation saves.' })
  curableByReallocation!: MoneyGql[];
}

@ObjectType('ProductFamilyExposure', {
  description: 'True-up exposure of the licenses of one product family.',
})
export class ProductFamilyExposureGql extends ExposureTotalsGql {
  @Field(() => String, {
    nullable: true,
    description: 'The product family; null for licenses of no known family.',
  })
  productFamily!: string | null;
}

@ObjectType('Exposure', {
  description: 'Money at stake in the position; currencies are reported separately, never added.',
})
export class ExposureGql extends ExposureTotalsGql {
  @Field(() => DateScalar, { description: 'The date the position was computed at.' })
  asOf!: string;
  @Field(() => [ProductFamilyExposureGql], {
    description: 'The same totals per product family.',
  })
  byProductFamily!: ProductFamilyExposureGql[];
  @Field(() => [String], {
    description: 'Licenses short somewhere without a price: their exposure is unknown.',
  })
  unpricedLicenseNames!: string[];
}

@InputType('SetPriceInput', {
  description:
    'Creates or replaces the price of a license in a currency from a date. Amounts are decimal ' +
    'strings ("1200.50"); rates are basis points.',
})
export class SetPriceInput extends MutationInput {
  @Field(() => ID, { description: DESCRIBE.smartAccountId }) smartAccountId!: string;
  @Field(() => ID, { nullable: true, description: 'License.id (or give license).' })
  licenseId?: string | null;
  @Field(() => String, { nullable: true, description: 'License name (when no licenseId).' })
  license?: string | null;
  @Field(() => CurrencyCodeGql, { description: DESCRIBE.currency }) currency!: CurrencyCode;
  @Field(() => LicenseType, {
    nullable: true,
    description: "Left out: as the license's lots are entitled (all perpetual: PERPETUAL).",
  })
  licenseType?: LicenseType | null;
  @Field(() => String, {
    description: 'List price per unit, decimal (per year for TERM, one-off for PERPETUAL).',
  })
  listPrice!: string;
  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: 'Discount off list, basis points.',
  })
  discountBasisPoints?: number | null;
  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: 'SWSS support per year on perpetual, basis points of list.',
  })
  supportRateBasisPoints?: number | null;
  @Field(() => String, { nullable: true, description: 'Enterprise Agreement suite, if any.' })
  eaSuite?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the license is in the Enterprise Agreement (In EA).',
  })
  inEnterpriseAgreement?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'EA price per unit per year, decimal; left out: the true-up price.',
  })
  eaUnitPrice?: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the price is in force (default today).',
  })
  validFrom?: string | null;
}

@InputType('RemovePriceInput', {
  description: 'Names one price book entry: license (by id or name), currency and validFrom.',
})
export class RemovePriceInput extends MutationInput {
  @Field(() => ID, { description: DESCRIBE.smartAccountId }) smartAccountId!: string;
  @Field(() => ID, { nullable: true, description: 'License.id (or give license).' })
  licenseId?: string | null;
  @Field(() => String, { nullable: true, description: 'License name (when no licenseId).' })
  license?: string | null;
  @Field(() => CurrencyCodeGql, { description: DESCRIBE.currency }) currency!: CurrencyCode;
  @Field(() => DateScalar, { description: 'The entry’s validFrom.' }) validFrom!: string;
}
