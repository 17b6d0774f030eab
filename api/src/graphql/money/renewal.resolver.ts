import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { DESCRIBE } from '../descriptions.js';

import { toRenewalModelGql, toRenewalQuery } from './renewal.mapper.js';
import { RenewalModelGql, RenewalModelInput, RenewalOptionGql } from './renewal.type.js';

/** The break-even growth of a mapped model (computed on first use, then remembered). */
export const breakEvenGrowthBasisPoints = (model: RenewalModelGql): number | null =>
  model.breakEvenOf()?.growthBasisPoints ?? null;

/** Which option is cheaper below the break-even (null without one). */
export const cheaperBelowBreakEven = (model: RenewalModelGql): RenewalOptionGql | null =>
  (model.breakEvenOf()?.cheaperBelow ?? null) as RenewalOptionGql | null;

@Resolver(() => SmartAccountGql)
export class SmartAccountRenewalResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => RenewalModelGql, {
    nullable: true,
    description:
      'EA versus a-la-carte for the licenses in scope (default: every priced one).' +
      DESCRIBE.nullOnFailure,
  })
  async renewalModel(
    @Root() account: SmartAccountGql,
    @Arg('input', () => RenewalModelInput, {
      nullable: true,
      description: 'Scope and parameters; every field has a default.',
    })
    input: RenewalModelInput | null,
  ): Promise<RenewalModelGql> {
    const report = await this.services.money.renewal(
      toRenewalQuery(input ?? null, account.smartAccountId),
    );
    return toRenewalModelGql(report);
  }
}

/** The break-even fields: up to 21 model runs, so run only when a query asks for them. */
@Resolver(() => RenewalModelGql)
export class RenewalModelBreakEvenResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Growth (bp, 0–10000) where the cheaper option changes; null if it never does. Computed only when asked for.',
  })
  breakEvenGrowthBasisPoints(@Root() model: RenewalModelGql): number | null {
    return breakEvenGrowthBasisPoints(model);
  }

  @FieldResolver(() => RenewalOptionGql, {
    nullable: true,
    description:
      'The option cheaper (by NPV) at growth below breakEvenGrowthBasisPoints; null when there is no break-even.',
  })
  cheaperBelowBreakEven(@Root() model: RenewalModelGql): RenewalOptionGql | null {
    return cheaperBelowBreakEven(model);
  }
}
