import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { LicenseType } from '../account/enums.js';
import { MoneyGql } from '../findings/finding.type.js';
import { DateScalar } from '../scalars/date.scalar.js';

@ObjectType('PriceBookEntry', {
  description:
    'A license’s price in one currency from a date. Rates are basis points (1 % = 100 bp).',
})
export class PriceBookEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String) licenseName!: string;
  @Field(() => String) currency!: string;
  @Field(() => LicenseType, {
    nullable: true,
    description:
      "TERM: priced per unit per year; PERPETUAL: one-off per unit plus SWSS; null: as the license's lots are entitled.",
  })
  licenseType!: LicenseType | null;
  @Field(() => MoneyGql) listPrice!: MoneyGql;
  @Field(() => Int) discountBasisPoints!: number;
  @Field(() => Int, { description: 'SWSS support per year on perpetual, as a share of list.' })
  supportRateBasisPoints!: number;
  @Field(() => MoneyGql, { description: 'list × (1 − discount), rounded down: the true-up price.' })
  unitTrueUpPrice!: MoneyGql;
  @Field(() => String, { nullable: true }) eaSuite!: string | null;
  @Field(() => Boolean) inEnterpriseAgreement!: boolean;
  @Field(() => MoneyGql, {
    description: 'Enterprise Agreement price per unit per year (the true-up price when not set).',
  })
  eaUnitPrice!: MoneyGql;
  @Field(() => Boolean, { description: 'Whether eaUnitPrice was set explicitly.' })
  hasEaUnitPrice!: boolean;
  @Field(() => DateScalar) validFrom!: string;
  licenseId!: number;
}

@ObjectType('ExposureTotals')
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

@ObjectType('ProductFamilyExposure')
export class ProductFamilyExposureGql extends ExposureTotalsGql {
  @Field(() => String, { nullable: true }) productFamily!: string | null;
}

@ObjectType('Exposure', {
  description: 'Money at stake in the position; currencies are reported separately, never added.',
})
export class ExposureGql extends ExposureTotalsGql {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => [ProductFamilyExposureGql]) byProductFamily!: ProductFamilyExposureGql[];
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
export class SetPriceInput {
  @Field(() => ID) smartAccountId!: string;
  @Field(() => ID, { nullable: true }) licenseId?: string | null;
  @Field(() => String, { nullable: true, description: 'License name (when no licenseId).' })
  license?: string | null;
  @Field(() => String) currency!: string;
  @Field(() => LicenseType, {
    nullable: true,
    description: "Left out: as the license's lots are entitled (all perpetual: PERPETUAL).",
  })
  licenseType?: LicenseType | null;
  @Field(() => String) listPrice!: string;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) discountBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) supportRateBasisPoints?: number | null;
  @Field(() => String, { nullable: true }) eaSuite?: string | null;
  @Field(() => Boolean, { nullable: true }) inEnterpriseAgreement?: boolean | null;
  @Field(() => String, { nullable: true }) eaUnitPrice?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' })
  validFrom?: string | null;
}

@InputType('RemovePriceInput')
export class RemovePriceInput {
  @Field(() => ID) smartAccountId!: string;
  @Field(() => ID, { nullable: true }) licenseId?: string | null;
  @Field(() => String, { nullable: true }) license?: string | null;
  @Field(() => String) currency!: string;
  @Field(() => DateScalar) validFrom!: string;
}
