import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { BreakEven } from '../../domain/index.js';
import { LicenseType } from '../account/enums.js';
import { MoneyGql } from '../findings/finding.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

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
});
registerEnumType(GrowthSourceGql, { name: 'GrowthSource' });
registerEnumType(RenewalOptionGql, { name: 'RenewalOption' });

@InputType('RenewalModelInput', {
  description:
    'Scope and parameters; rates are basis points (1 % = 100 bp), amounts decimal strings. ' +
    'Growth left out comes from the snapshot trend (else 0).',
})
export class RenewalModelInput {
  @Field(() => DateScalar, { nullable: true }) asOf?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) includeClassic?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Only licenses of this EA suite.' })
  suite?: string | null;
  @Field(() => [String], { nullable: true }) licenseNames?: string[] | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Int, { nullable: true, description: '3 (default) or 5.' })
  termYears?: number | null;
  @Field(() => Int, { nullable: true }) growthBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, description: 'Growth allowance g, default 2000 (20 %).' })
  allowanceBasisPoints?: number | null;
  @Field(() => TrueForwardModeGql, { nullable: true }) trueForwardMode?: TrueForwardModeGql | null;
  @Field(() => Int, { nullable: true, description: 'NPV discount rate, default 800 (8 %).' })
  discountRateBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, description: 'List price rise per year, default 0.' })
  listEscalatorBasisPoints?: number | null;
  @Field(() => String, { nullable: true, description: 'Default "100000.00".' })
  minimumEaValue?: string | null;
  @Field(() => Int, { nullable: true, description: 'Credit on owned perpetual, default 0.' })
  perpetualCreditBasisPoints?: number | null;
  @Field(() => String, { nullable: true, description: 'Residual SWSS credited, default 0.' })
  supportCredit?: string | null;
}

@ObjectType('GrowthTrendPoint', {
  description: 'Consumption of the licenses in scope at the last snapshot of a quarter.',
})
export class GrowthTrendPointGql {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => BigIntScalar) consumed!: number;
}

@ObjectType('RenewalParameters')
export class RenewalParametersGql {
  @Field(() => Int) termYears!: number;
  @Field(() => Int) growthBasisPoints!: number;
  @Field(() => Int) allowanceBasisPoints!: number;
  @Field(() => TrueForwardModeGql) trueForwardMode!: TrueForwardModeGql;
  @Field(() => Int) discountRateBasisPoints!: number;
  @Field(() => Int) listEscalatorBasisPoints!: number;
  @Field(() => MoneyGql) minimumEaValue!: MoneyGql;
  @Field(() => Int) perpetualCreditBasisPoints!: number;
  @Field(() => MoneyGql) supportCredit!: MoneyGql;
}

@ObjectType('RenewalYear')
export class RenewalYearGql {
  @Field(() => Int) year!: number;
  @Field(() => MoneyGql) aLaCarte!: MoneyGql;
  @Field(() => MoneyGql) eaSubscription!: MoneyGql;
  @Field(() => MoneyGql, { description: 'Invoiced this year for the previous milestone.' })
  trueForward!: MoneyGql;
  @Field(() => MoneyGql) credits!: MoneyGql;
  @Field(() => MoneyGql, { description: 'eaSubscription + trueForward − credits.' })
  enterpriseAgreement!: MoneyGql;
  @Field(() => MoneyGql) aLaCartePresentValue!: MoneyGql;
  @Field(() => MoneyGql) enterpriseAgreementPresentValue!: MoneyGql;
}

@ObjectType('RenewalTotals')
export class RenewalTotalsGql {
  @Field(() => MoneyGql) aLaCarte!: MoneyGql;
  @Field(() => MoneyGql) enterpriseAgreement!: MoneyGql;
  @Field(() => MoneyGql) aLaCartePresentValue!: MoneyGql;
  @Field(() => MoneyGql) enterpriseAgreementPresentValue!: MoneyGql;
}

@ObjectType('RenewalLicenseYear')
export class RenewalLicenseYearGql {
  @Field(() => Int) year!: number;
  @Field(() => BigIntScalar) units!: number;
  @Field(() => BigIntScalar) held!: number;
  @Field(() => MoneyGql) listPrice!: MoneyGql;
  @Field(() => MoneyGql) netPrice!: MoneyGql;
  @Field(() => MoneyGql) supportPrice!: MoneyGql;
  @Field(() => MoneyGql) aLaCarte!: MoneyGql;
  @Field(() => Int, { nullable: true, description: 'Milestone before this year: allowance.' })
  allowance!: number | null;
  @Field(() => Int, { nullable: true }) trueForwardUnits!: number | null;
  @Field(() => Int, { nullable: true, description: 'Baseline after the ratchet.' })
  baseline!: number | null;
  @Field(() => MoneyGql, { nullable: true }) trueForward!: MoneyGql | null;
}

@ObjectType('RenewalLicense')
export class RenewalLicenseGql {
  @Field(() => String) licenseName!: string;
  @Field(() => LicenseType) licenseType!: LicenseType;
  @Field(() => Int, {
    description: 'The baseline of both options: consumed less the reclaimable units.',
  })
  consumed!: number;
  @Field(() => Int, { description: 'Reclaimable units taken out of the consumption.' })
  reclaimed!: number;
  @Field(() => BigIntScalar) owned!: number;
  @Field(() => MoneyGql) listPrice!: MoneyGql;
  @Field(() => Int) discountBasisPoints!: number;
  @Field(() => Int) supportRateBasisPoints!: number;
  @Field(() => MoneyGql) eaUnitPrice!: MoneyGql;
  @Field(() => MoneyGql) eaSubscription!: MoneyGql;
  @Field(() => MoneyGql) credit!: MoneyGql;
  @Field(() => Int) renewalBaseline!: number;
  @Field(() => [RenewalLicenseYearGql]) years!: RenewalLicenseYearGql[];
}

export enum BaselineAdjustmentReasonGql {
  STRANDED_RESERVATION = 'STRANDED_RESERVATION',
  GHOST_CONSUMPTION = 'GHOST_CONSUMPTION',
}
registerEnumType(BaselineAdjustmentReasonGql, { name: 'BaselineAdjustmentReason' });

@ObjectType('RenewalBaselineAdjustment', {
  description:
    'Reclaimable units taken out of the baseline of both options: a stranded reservation or ghost consumption on a decommissioned or replaced device (per device × license the larger, never both).',
})
export class RenewalBaselineAdjustmentGql {
  @Field(() => String) licenseName!: string;
  @Field(() => BigIntScalar) units!: number;
  @Field(() => BaselineAdjustmentReasonGql) reason!: BaselineAdjustmentReasonGql;
  @Field(() => String, { description: 'The device (hostname, else instance name).' })
  deviceName!: string;
  @Field(() => String) virtualAccountName!: string;
}

@ObjectType('RenewalModel', {
  description: 'EA versus a-la-carte over the term, year by year, nominal and present value.',
})
export class RenewalModelGql {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => String) currency!: string;
  @Field(() => GrowthSourceGql) growthSource!: GrowthSourceGql;
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
  @Field(() => RenewalParametersGql) parameters!: RenewalParametersGql;
  @Field(() => [RenewalYearGql]) years!: RenewalYearGql[];
  @Field(() => RenewalTotalsGql) totals!: RenewalTotalsGql;
  @Field(() => MoneyGql, { description: 'Σ EA subscriptions over the term.' })
  eaValue!: MoneyGql;
  @Field(() => Boolean) meetsMinimumEaValue!: boolean;
  @Field(() => RenewalOptionGql, { description: 'Cheaper by NPV (a-la-carte on a tie).' })
  cheaperOption!: RenewalOptionGql;
  /** The break-even, computed on first call (not a field: see RenewalModelResolver). */
  breakEvenOf!: () => BreakEven | null;
  @Field(() => [RenewalLicenseGql]) licenses!: RenewalLicenseGql[];
  @Field(() => [String]) unpricedLicenseNames!: string[];
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
  @Field(() => [RenewalBaselineAdjustmentGql])
  baselineAdjustments!: RenewalBaselineAdjustmentGql[];
}
