import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { BreakEven, CurrencyCode } from '../../domain/index.js';
import { LicenseType } from '../account/enums.js';
import { DESCRIBE } from '../descriptions.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { CurrencyCodeGql } from './currency-code.type.js';
import { MoneyGql } from './money-value.type.js';

export enum TrueForwardModeGql {
  A = 'A',
  B = 'B',
}
export enum GrowthSourceGql {
  PARAMETER = 'PARAMETER',
  SNAPSHOTS = 'SNAPSHOTS',
  DEFAULT = 'DEFAULT',
}
export enum RenewalOptionGql {
  A_LA_CARTE = 'A_LA_CARTE',
  ENTERPRISE_AGREEMENT = 'ENTERPRISE_AGREEMENT',
}
registerEnumType(TrueForwardModeGql, {
  name: 'TrueForwardMode',
  description:
    'A: only growth above the allowance is billed; B: all growth over the baseline once the ' +
    'allowance is crossed (sources differ; B is the default).',
  valuesConfig: {
    A: {
      description:
        'Buffer reading: at a milestone only consumption above baseline × (1 + allowance) is billed.',
    },
    B: {
      description:
        'Cisco program-terms reading (default): once consumption crosses the allowance, all growth over the baseline is billed.',
    },
  },
});
registerEnumType(GrowthSourceGql, {
  name: 'GrowthSource',
  description: 'Where the yearly consumption growth of the model came from.',
  valuesConfig: {
    PARAMETER: { description: 'Given as growthBasisPoints in the input.' },
    SNAPSHOTS: {
      description:
        'Estimated from snapshots: median quarter-over-quarter growth of the last snapshot per quarter, compounded over a year.',
    },
    DEFAULT: {
      description: 'Neither given nor estimable (see growthTrendRefusal): 0.',
    },
  },
});
registerEnumType(RenewalOptionGql, {
  name: 'RenewalOption',
  description: 'The two ways to renew that the model compares.',
  valuesConfig: {
    A_LA_CARTE: {
      description:
        'Buy as today: TERM licenses yearly for the units in use, PERPETUAL ones once for new units plus SWSS support on every unit held.',
    },
    ENTERPRISE_AGREEMENT: {
      description:
        'A Cisco Enterprise Agreement: today’s consumption at the EA price every year, growth beyond the allowance trued forward at each milestone.',
    },
  },
});

@InputType('RenewalModelInput', {
  description:
    'Scope and parameters; rates are basis points (1 % = 100 bp), amounts decimal strings. ' +
    'Growth left out comes from the snapshot trend (else 0).',
})
export class RenewalModelInput {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The date the baseline consumption is taken at; year 1 starts then (default today).',
  })
  asOf?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: DESCRIBE.includeClassic,
  })
  includeClassic?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Only licenses of this EA suite.' })
  suite?: string | null;
  @Field(() => [String], { nullable: true, description: 'Only these licenses (by name).' })
  licenseNames?: string[] | null;
  @Field(() => CurrencyCodeGql, {
    nullable: true,
    description:
      'ISO 4217 currency of the model; needed when the licenses in scope are priced in several (else CURRENCY_MISMATCH).',
  })
  currency?: CurrencyCode | null;
  @Field(() => Int, { nullable: true, description: '3 (default) or 5.' })
  termYears?: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Consumption growth per year, bp (may be negative, not below −10000); left out: from the snapshot trend, else 0.',
  })
  growthBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, description: 'Growth allowance g, default 2000 (20 %).' })
  allowanceBasisPoints?: number | null;
  @Field(() => TrueForwardModeGql, {
    nullable: true,
    description: 'How True Forward bills growth (default B).',
  })
  trueForwardMode?: TrueForwardModeGql | null;
  @Field(() => Int, { nullable: true, description: 'NPV discount rate, default 800 (8 %).' })
  discountRateBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, description: 'List price rise per year, default 0.' })
  listEscalatorBasisPoints?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The EA floor eaValue is checked against, decimal (default "100000.00", EA 3.0).',
  })
  minimumEaValue?: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Share of the net value of owned perpetual licenses credited in EA year 1 (default 0).',
  })
  perpetualCreditBasisPoints?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Residual SWSS (support already paid) credited in EA year 1, decimal (default 0).',
  })
  supportCredit?: string | null;
}

@ObjectType('GrowthTrendPoint', {
  description: 'Consumption of the licenses in scope at the last snapshot of a quarter.',
})
export class GrowthTrendPointGql {
  @Field(() => DateScalar, { description: 'The snapshot’s date.' }) asOf!: string;
  @Field(() => BigIntScalar, {
    description: 'Σ consumed of the licenses in scope at that snapshot.',
  })
  consumed!: number;
}

@ObjectType('RenewalParameters', {
  description: 'The parameters the model ran with, defaults filled in; rates in basis points.',
})
export class RenewalParametersGql {
  @Field(() => Int, { description: 'Term in years (3 or 5).' }) termYears!: number;
  @Field(() => Int, { description: 'Consumption growth per year (see growthSource).' })
  growthBasisPoints!: number;
  @Field(() => Int, { description: 'EA growth allowance g.' }) allowanceBasisPoints!: number;
  @Field(() => TrueForwardModeGql, { description: 'How True Forward billed growth.' })
  trueForwardMode!: TrueForwardModeGql;
  @Field(() => Int, {
    description: 'NPV discount rate; year y is discounted by (1 + r)^(y − 1).',
  })
  discountRateBasisPoints!: number;
  @Field(() => Int, { description: 'Yearly rise of a-la-carte list prices.' })
  listEscalatorBasisPoints!: number;
  @Field(() => MoneyGql, { description: 'The EA floor eaValue is checked against.' })
  minimumEaValue!: MoneyGql;
  @Field(() => Int, {
    description: 'Share of the net value of owned perpetual licenses credited in EA year 1.',
  })
  perpetualCreditBasisPoints!: number;
  @Field(() => MoneyGql, { description: 'Residual SWSS credited in EA year 1.' })
  supportCredit!: MoneyGql;
}

@ObjectType('RenewalYear', {
  description: 'One year of the term under both options, all licenses in scope.',
})
export class RenewalYearGql {
  @Field(() => Int, { description: '1 for the year starting at the as-of date.' }) year!: number;
  @Field(() => MoneyGql, { description: 'A-la-carte spend this year.' }) aLaCarte!: MoneyGql;
  @Field(() => MoneyGql, { description: 'EA subscription this year (baseline × EA price).' })
  eaSubscription!: MoneyGql;
  @Field(() => MoneyGql, { description: 'Invoiced this year for the previous milestone.' })
  trueForward!: MoneyGql;
  @Field(() => MoneyGql, { description: 'Migration credits (year 1 only, else 0).' })
  credits!: MoneyGql;
  @Field(() => MoneyGql, { description: 'eaSubscription + trueForward − credits.' })
  enterpriseAgreement!: MoneyGql;
  @Field(() => MoneyGql, { description: 'aLaCarte discounted to the as-of date.' })
  aLaCartePresentValue!: MoneyGql;
  @Field(() => MoneyGql, { description: 'enterpriseAgreement discounted to the as-of date.' })
  enterpriseAgreementPresentValue!: MoneyGql;
}

@ObjectType('RenewalTotals', { description: 'The years summed over the term.' })
export class RenewalTotalsGql {
  @Field(() => MoneyGql, { description: 'Σ a-la-carte, nominal.' }) aLaCarte!: MoneyGql;
  @Field(() => MoneyGql, { description: 'Σ EA, nominal.' }) enterpriseAgreement!: MoneyGql;
  @Field(() => MoneyGql, { description: 'Σ a-la-carte, present value.' })
  aLaCartePresentValue!: MoneyGql;
  @Field(() => MoneyGql, { description: 'Σ EA, present value.' })
  enterpriseAgreementPresentValue!: MoneyGql;
}

@ObjectType('RenewalLicenseYear', {
  description:
    'One license in one year; the milestone fields (allowance, trueForwardUnits, baseline, trueForward) are null in year 1.',
})
export class RenewalLicenseYearGql {
  @Field(() => Int, { description: '1 for the year starting at the as-of date.' }) year!: number;
  @Field(() => BigIntScalar, {
    description: 'Units in use: consumed × (1 + growth)^(year − 1), rounded.',
  })
  units!: number;
  @Field(() => BigIntScalar, {
    description:
      'A-la-carte units held: TERM the units in use; PERPETUAL never fewer than owned or than an earlier year.',
  })
  held!: number;
  @Field(() => MoneyGql, { description: 'List price per unit this year, escalated.' })
  listPrice!: MoneyGql;
  @Field(() => MoneyGql, { description: 'list × (1 − discount), rounded down.' })
  netPrice!: MoneyGql;
  @Field(() => MoneyGql, { description: 'SWSS per unit this year (PERPETUAL; 0 for TERM).' })
  supportPrice!: MoneyGql;
  @Field(() => MoneyGql, {
    description: 'TERM: units × net; PERPETUAL: newly bought × net + held × support.',
  })
  aLaCarte!: MoneyGql;
  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Milestone before this year: allowance in whole units, baseline × (1 + g).',
  })
  allowance!: number | null;
  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Milestone before this year: units trued forward (per trueForwardMode).',
  })
  trueForwardUnits!: number | null;
  @Field(() => BigIntScalar, { nullable: true, description: 'Baseline after the ratchet.' })
  baseline!: number | null;
  @Field(() => MoneyGql, {
    nullable: true,
    description: 'trueForwardUnits × EA price × years left, invoiced this year.',
  })
  trueForward!: MoneyGql | null;
}

@ObjectType('RenewalLicense', {
  description: 'One license in the model: its baseline, prices and years.',
})
export class RenewalLicenseGql {
  @Field(() => String, { description: DESCRIBE.licenseName }) licenseName!: string;
  @Field(() => LicenseType, {
    description: 'How it is bought a-la-carte: TERM per unit per year, PERPETUAL once plus SWSS.',
  })
  licenseType!: LicenseType;
  @Field(() => BigIntScalar, {
    description: 'The baseline of both options: consumed less the reclaimable units.',
  })
  consumed!: number;
  @Field(() => BigIntScalar, { description: 'Reclaimable units taken out of the consumption.' })
  reclaimed!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ owned over the Virtual Accounts at the as-of date.',
  })
  owned!: number;
  @Field(() => MoneyGql, { description: 'List price per unit in year 1 (price book).' })
  listPrice!: MoneyGql;
  @Field(() => Int, { description: 'Discount off list, basis points.' })
  discountBasisPoints!: number;
  @Field(() => Int, { description: 'SWSS per year on perpetual, basis points of list.' })
  supportRateBasisPoints!: number;
  @Field(() => MoneyGql, { description: 'EA price per unit per year, fixed for the term.' })
  eaUnitPrice!: MoneyGql;
  @Field(() => MoneyGql, { description: 'consumed × EA price: the yearly EA subscription.' })
  eaSubscription!: MoneyGql;
  @Field(() => MoneyGql, {
    description: 'Migration credit at EA start (perpetual: owned × net price × credit rate).',
  })
  credit!: MoneyGql;
  @Field(() => BigIntScalar, {
    description: 'The baseline the EA renews at (after the last ratchet).',
  })
  renewalBaseline!: number;
  @Field(() => [RenewalLicenseYearGql], { description: 'Year by year, year 1 first.' })
  years!: RenewalLicenseYearGql[];
}

export enum BaselineAdjustmentReasonGql {
  STRANDED_RESERVATION = 'STRANDED_RESERVATION',
  GHOST_CONSUMPTION = 'GHOST_CONSUMPTION',
}
registerEnumType(BaselineAdjustmentReasonGql, {
  name: 'BaselineAdjustmentReason',
  description: 'Why units were taken out of the renewal baseline.',
  valuesConfig: {
    STRANDED_RESERVATION: {
      description: 'Reserved on a decommissioned or replaced device (see the finding).',
    },
    GHOST_CONSUMPTION: {
      description: 'Reported in use by a decommissioned device (see the finding).',
    },
  },
});

@ObjectType('RenewalBaselineAdjustment', {
  description:
    'Reclaimable units taken out of the baseline of both options: a stranded reservation or ghost consumption on a decommissioned or replaced device (per device × license the larger, never both).',
})
export class RenewalBaselineAdjustmentGql {
  @Field(() => String, { description: DESCRIBE.licenseName }) licenseName!: string;
  @Field(() => BigIntScalar, { description: 'Units taken out.' }) units!: number;
  @Field(() => BaselineAdjustmentReasonGql, { description: 'Why they are reclaimable.' })
  reason!: BaselineAdjustmentReasonGql;
  @Field(() => String, { description: 'The device (hostname, else instance name).' })
  deviceName!: string;
  @Field(() => String, { description: DESCRIBE.virtualAccountName }) virtualAccountName!: string;
}

@ObjectType('RenewalModel', {
  description: 'EA versus a-la-carte over the term, year by year, nominal and present value.',
})
export class RenewalModelGql {
  @Field(() => DateScalar, { description: 'Baseline date; year 1 starts here.' }) asOf!: string;
  @Field(() => CurrencyCodeGql, {
    description: 'ISO 4217 currency of every amount (the one the licenses in scope are priced in).',
  })
  currency!: CurrencyCode;
  @Field(() => GrowthSourceGql, { description: 'Where parameters.growthBasisPoints came from.' })
  growthSource!: GrowthSourceGql;
  @Field(() => [GrowthTrendPointGql], {
    description: 'The snapshot points of the growth trend (empty when growth was given).',
  })
  growthTrendPoints!: GrowthTrendPointGql[];
  @Field(() => String, {
    nullable: true,
    description:
      'Why the snapshot trend was refused (growth then 0, source DEFAULT): fewer than 4 quarters, an empty quarter, or an implausible rate.',
  })
  growthTrendRefusal!: string | null;
  @Field(() => RenewalParametersGql, { description: 'The parameters used, defaults filled in.' })
  parameters!: RenewalParametersGql;
  @Field(() => [RenewalYearGql], { description: 'Year by year, year 1 first.' })
  years!: RenewalYearGql[];
  @Field(() => RenewalTotalsGql, { description: 'Sums over the term.' })
  totals!: RenewalTotalsGql;
  @Field(() => MoneyGql, { description: 'Σ EA subscriptions over the term.' })
  eaValue!: MoneyGql;
  @Field(() => Boolean, { description: 'eaValue ≥ parameters.minimumEaValue (the EA floor).' })
  meetsMinimumEaValue!: boolean;
  @Field(() => RenewalOptionGql, { description: 'Cheaper by NPV (a-la-carte on a tie).' })
  cheaperOption!: RenewalOptionGql;
  /** The break-even, computed on first call (not a field: see RenewalModelResolver). */
  breakEvenOf!: () => BreakEven | null;
  @Field(() => [RenewalLicenseGql], { description: 'The licenses modelled.' })
  licenses!: RenewalLicenseGql[];
  @Field(() => [String], {
    description:
      'In scope and consumed but without a price in the currency: left out of the model; add prices.',
  })
  unpricedLicenseNames!: string[];
  @Field(() => [String], {
    description:
      'Perpetual licenses without an EA price in the price book: left out of both options until it is entered (their one-off price is not a yearly EA price).',
  })
  eaPriceNeededLicenseNames!: string[];
  @Field(() => [String], {
    description:
      'Licenses not marked in the EA (In EA = no): bought a-la-carte under either option, so they cancel out and are left out of the comparison.',
  })
  outsideEaLicenseNames!: string[];
  @Field(() => [RenewalBaselineAdjustmentGql], {
    description: 'The reclaimable units taken out of the baseline, per device × license.',
  })
  baselineAdjustments!: RenewalBaselineAdjustmentGql[];
}
