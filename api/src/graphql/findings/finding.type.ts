import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Connection } from '../connection.js';
import { MoneyGql } from '../money/money-value.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';

export enum FindingCodeGql {
  INSUFFICIENT_LICENSES = 'INSUFFICIENT_LICENSES',
  LICENSES_EXPIRING = 'LICENSES_EXPIRING',
  LICENSES_EXPIRED = 'LICENSES_EXPIRED',
  STRANDED_RESERVATION = 'STRANDED_RESERVATION',
  OVER_RESERVATION = 'OVER_RESERVATION',
  RESERVATION_EXPIRED = 'RESERVATION_EXPIRED',
  ADDON_WITHOUT_BASE = 'ADDON_WITHOUT_BASE',
  STALE_REPORTING = 'STALE_REPORTING',
  GHOST_CONSUMPTION = 'GHOST_CONSUMPTION',
  UNCONVERTED_PAK = 'UNCONVERTED_PAK',
  LEDGER_DEVICE_MISMATCH = 'LEDGER_DEVICE_MISMATCH',
  ADDON_BASE_UNKNOWN = 'ADDON_BASE_UNKNOWN',
}
export enum FindingSeverityGql {
  CRITICAL = 'critical',
  HIGH = 'high',
  MEDIUM = 'medium',
  LOW = 'low',
  INFO = 'info',
}
registerEnumType(FindingCodeGql, {
  name: 'FindingCode',
  description:
    'What a finding is about; programs match on these. Each value says what triggers it, what quantity counts and what to do.',
  valuesConfig: {
    INSUFFICIENT_LICENSES: {
      description:
        'A Virtual Account consumes more of a license than it owns (shortfall > 0), one per Virtual Account × license. quantity = shortfall; money = shortfall × unit true-up price (the exposure if nothing is done). facts split it: curableByReallocation (move Smart surplus from the Virtual Accounts in evidence), curableByConversion (convert classic PAK units into it), needsPurchase (buy). CRITICAL when part needs a purchase, HIGH when moves or conversions cure it all.',
    },
    LICENSES_EXPIRING: {
      description:
        'TERM lots active at the date end within the largest lead time (90, 60, 30 days), grouped by Virtual Account × license × end date. quantity = the lapsing units; no money (each unit is priced once, on INSUFFICIENT_LICENSES; renewing is modelled by renewalModel). facts: endDate, daysLeft, leadTimeDays, balanceNow, balanceAfter (the balance the day after the end at today’s consumption). HIGH when balanceAfter < 0 within the shortest lead time, MEDIUM when < 0 in a longer one, LOW when not negative. Renew, or plan for the shortfall.',
    },
    LICENSES_EXPIRED: {
      description:
        'A Virtual Account is short and TERM lots of the license ended before the date: the lapse explains the shortfall. quantity = min(shortfall, expired units); no money (those units are priced on the INSUFFICIENT_LICENSES finding named in facts.relatedKey). HIGH. Renew the term or stop the use.',
    },
    STRANDED_RESERVATION: {
      description:
        'An SLR/PLR reservation still holds licenses on a device that is DECOMMISSIONED or replaced (RMA): owned, pinned, unusable. quantity = units reserved; no money (stranded entitlement is not part of the exposure). facts.reason says which. MEDIUM. Return it, or transfer it to the replacement device (RMA); when Cisco’s Event Log already shows a return or transfer (the message says), import the device’s current reservation to close it.',
    },
    OVER_RESERVATION: {
      description:
        'An ACTIVE SLR device reports more of a license in use than it has reserved (none reserved counts as 0): it runs without its reservation updated. quantity = the excess; no money (the excess is priced on the INSUFFICIENT_LICENSES finding of a short Virtual Account, named in facts.relatedKey where known). PLR devices never are. HIGH. Update the reservation (a new authorization code) or reduce the use.',
    },
    RESERVATION_EXPIRED: {
      description:
        'A reservation still holds a TERM entitlement whose end date has passed: the position no longer counts it as owned, yet the device still runs on it. quantity = units reserved; no money (each unit is priced once, on INSUFFICIENT_LICENSES). HIGH. Renew the term and re-reserve, or return it.',
    },
    ADDON_WITHOUT_BASE: {
      description:
        'An add-on license is consumed without a base license that satisfies it (from the catalog’s required base with higher tiers, else the Network ↔ DNA family and tier rules). On a device (facts.scope INSTANCE: an ACTIVE device runs the add-on and no satisfying base; HIGH) or across a Virtual Account (scope VIRTUAL_ACCOUNT: add-ons no base there covers, less those already reported per device; MEDIUM). quantity = add-on units; no money. Buy or assign the base (facts.requiredBase names it).',
    },
    STALE_REPORTING: {
      description:
        'A device or SSM On-Prem satellite has not reported within its window, so its usage is unverified. Device (ACTIVE, DIRECT_CLOUD or ON_PREM): last contact more than 90 days ago when it holds (uses or reserves) a license with a TERM lot in the account, 365 days when only perpetual ones; MEDIUM. Satellite: last sync more than 60 days ago (within 30 days of the 90-day deadline) MEDIUM, past 90 days CRITICAL (Cisco removes it with its devices); its devices are listed in its evidence, not as findings of their own. quantity = licenses in use behind it; no money; no license. Restore reporting or sync the satellite, or decommission the device. An unknown last contact is not judged.',
    },
    GHOST_CONSUMPTION: {
      description:
        'A DECOMMISSIONED device still reports licenses in use, one finding per device; its usage still counts as consumed. quantity = its reported in-use; the license is named when it is one, else facts.licenseIds lists them; no money (the units are priced on the shortfall they cause). HIGH. Remove the product instance in CSSM.',
    },
    UNCONVERTED_PAK: {
      description:
        'Classic PAK lots of a license active at the date in a Virtual Account, not yet converted to Smart Licensing, per Virtual Account × license. quantity = their units; no money (owned entitlement, not exposure). facts: smartOnlyBalance (what CSSM shows today), unifiedBalance (once converted), curesShortfall and convertInto (other Virtual Accounts whose shortfall converting into them cures). MEDIUM when converting cures a shortfall, else LOW. Convert them (convertPak, convertClassicLots).',
    },
    LEDGER_DEVICE_MISMATCH: {
      description:
        'The account ledger (licenses export or API) and the device-level data disagree on a Virtual Account × license: its in-use against Σ max(device report, reservation) when devices report usage, or its reserved against what SLR/PLR codes hold. quantity = the in-use difference, else the reserved difference; no money. facts.used says which figure the position took (the newer). MEDIUM. Re-import whichever side is stale, or find the unreported devices.',
    },
    ADDON_BASE_UNKNOWN: {
      description:
        'An ADD_ON license is consumed but neither the catalog nor the family rules know its base, so no ADDON_WITHOUT_BASE check is made; one per license over the Smart Account. quantity = its consumption; no money. INFO. Add a license catalog CSV row naming its required base.',
    },
  },
});
registerEnumType(FindingSeverityGql, {
  name: 'FindingSeverity',
  description: 'How urgent a finding is; findings come most urgent first.',
  valuesConfig: {
    CRITICAL: {
      description:
        'Act now: a shortfall that needs a purchase, or a satellite past its sync deadline.',
    },
    HIGH: { description: 'Act before the true-up.' },
    MEDIUM: { description: 'Worth fixing; no immediate loss.' },
    LOW: { description: 'Tidying up.' },
    INFO: { description: 'A note: nothing judged.' },
  },
});

@ObjectType('Finding', {
  description: 'Something to act on before a true-up, with the rows that prove it.',
})
export class FindingGql {
  @Field(() => String, { description: 'Stable identity of the finding (also the cursor).' })
  key!: string;
  @Field(() => FindingCodeGql, { description: 'What it is about (see FindingCode values).' })
  code!: FindingCodeGql;
  @Field(() => FindingSeverityGql, { description: 'How urgent, set by the code’s rule.' })
  severity!: FindingSeverityGql;
  @Field(() => String, {
    nullable: true,
    description: 'The Virtual Account it is about; null for account-level ones (satellites).',
  })
  virtualAccountName!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The license it is about; null when it spans licenses (stale devices, satellites, a ghost device reporting several).',
  })
  licenseName!: string | null;
  @Field(() => BigIntScalar, {
    description: 'License units at stake (what they count depends on the code).',
  })
  quantity!: number;
  @Field(() => MoneyGql, {
    nullable: true,
    description:
      'Money at stake, set on INSUFFICIENT_LICENSES only: shortfall × unit true-up price, so each short unit is priced once and the findings’ money sums to the gross exposure (SmartAccount.exposure), per currency. Null on every other code (related findings name the priced one in facts.relatedKey) and when the license has no price.',
  })
  money!: MoneyGql | null;
  @Field(() => String, {
    description:
      'One sentence a person can act on, naming the Virtual Account, license and device.',
  })
  message!: string;
  @Field(() => GraphQLJSONObject, {
    description:
      'Figures behind the finding; the keys depend on the code (e.g. shortfall, curableByReallocation, needsPurchase for INSUFFICIENT_LICENSES).',
  })
  facts!: Record<string, unknown>;
  @Field(() => [GraphQLJSONObject], {
    description:
      'The rows that prove it, each with kind (lot, instance, reservation, positionLine, satellite, usage, logEvent) and id.',
  })
  evidence!: Record<string, unknown>[];
  virtualAccountId!: number | null;
  licenseId!: number | null;
}

export const FindingConnection = Connection('Finding', FindingGql);
export type FindingConnection = InstanceType<typeof FindingConnection>;
