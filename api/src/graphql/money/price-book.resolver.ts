import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import { entryAt, lineExposure } from '../../domain/index.js';
import type { CurrencyCode } from '../../domain/index.js';
import type { Services } from '../../services/index.js';
import { LicenseGql, SmartAccountGql } from '../account/account.type.js';
import { AsOfArg, IncludeClassicArg } from '../args.js';
import { RequiresRole, scoped } from '../auth.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';
import { runMutation } from '../mutation/run-mutation.js';
import { PositionLineGql } from '../position/position.type.js';

import { CurrencyCodeGql } from './currency-code.type.js';
import { toMoneyGql } from './money-value.mapper.js';
import { MoneyGql } from './money-value.type.js';
import {
  toExposureGql,
  toPriceBookEntryGql,
  toRemovePriceCommand,
  toSetPriceCommand,
} from './money.mapper.js';
import { ExposureGql, PriceBookEntryGql, RemovePriceInput, SetPriceInput } from './money.type.js';
import { RemovePricePayload, SetPricePayload } from './price-payload.type.js';

/** Price book edits. */
@Resolver(() => PriceBookEntryGql)
export class PriceBookMutationResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => SetPricePayload, {
    description: 'Creates or replaces a license’s price in a currency from a date.',
  })
  async setPrice(
    @Arg('input', () => SetPriceInput, { description: 'The price to set.' }) input: SetPriceInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(
      input,
      async () => ({
        priceBookEntry: toPriceBookEntryGql(
          await this.services.money.priceBook.setPrice(scoped(ctx, toSetPriceCommand(input))),
        ),
      }),
      { UNKNOWN_LICENSE: input.licenseId ? 'licenseId' : 'license' },
    );
  }

  @RequiresRole('ADMIN')
  @Mutation(() => RemovePricePayload, { description: 'Removes one price entry; returns it.' })
  async removePrice(
    @Arg('input', () => RemovePriceInput, { description: 'The entry to remove.' })
    input: RemovePriceInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(
      input,
      async () => ({
        priceBookEntry: toPriceBookEntryGql(
          await this.services.money.priceBook.removePrice(scoped(ctx, toRemovePriceCommand(input))),
        ),
      }),
      { UNKNOWN_LICENSE: input.licenseId ? 'licenseId' : 'license', UNKNOWN_PRICE: 'validFrom' },
    );
  }
}

@Resolver(() => SmartAccountGql)
export class SmartAccountMoneyResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [PriceBookEntryGql], {
    description:
      'Price book entries sorted by license, currency, date; with asOf only those in force then.',
  })
  async priceBook(
    @Root() account: SmartAccountGql,
    @AsOfArg('Only the entries in force at this date (default: every entry).')
    asOf: string | null,
  ): Promise<PriceBookEntryGql[]> {
    const entries = await this.services.money.priceBook.entries(
      account.smartAccountId,
      asOf ?? undefined,
    );
    return entries.map(toPriceBookEntryGql);
  }

  @FieldResolver(() => ExposureGql, {
    nullable: true,
    description:
      'Money at stake: gross, net after reallocation, per product family.' + DESCRIBE.nullOnFailure,
  })
  async exposure(
    @Root() account: SmartAccountGql,
    @AsOfArg()
    asOf: string | null,
    @IncludeClassicArg()
    includeClassic: boolean | null,
  ): Promise<ExposureGql> {
    const exposure = await this.services.money.exposure({
      smartAccountId: account.smartAccountId,
      asOf,
      includeClassic: includeClassic ?? true,
    });
    return toExposureGql(exposure, exposure.asOf, exposure.licenseNames);
  }
}

@Resolver(() => LicenseGql)
export class LicensePriceResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => PriceBookEntryGql, {
    nullable: true,
    description: 'The price in force at a date (default today), in a currency if given.',
  })
  async price(
    @Root() license: LicenseGql,
    @AsOfArg()
    asOf: string | null,
    @Arg('currency', () => CurrencyCodeGql, {
      nullable: true,
      description:
        'ISO 4217 code; left out: the latest entry in force in any currency (ties: first currency alphabetically).',
    })
    currency: CurrencyCode | null,
    @Ctx() ctx: GqlContext,
  ): Promise<PriceBookEntryGql | null> {
    const day = this.services.position.asOfOrToday(asOf);
    const entries = await ctx.loaders.pricesOfLicense.load(`${license.licenseId}|${day}`);
    const wanted = currency ?? undefined;
    const entry = entryAt(
      entries.filter((e) => wanted === undefined || e.currency === wanted),
      day,
    );
    return entry ? toPriceBookEntryGql(entry) : null;
  }
}

@Resolver(() => PositionLineGql)
export class PositionLineMoneyResolver {
  @FieldResolver(() => MoneyGql, {
    nullable: true,
    description: 'Net unit true-up price at the line’s date; null when unpriced.',
  })
  async unitPrice(@Root() line: PositionLineGql, @Ctx() ctx: GqlContext): Promise<MoneyGql | null> {
    const prices = await ctx.loaders.unitPrices.load(`${line.smartAccountId}|${line.asOf}`);
    const price = prices.get(line.licenseId);
    return price ? toMoneyGql(price) : null;
  }

  @FieldResolver(() => MoneyGql, {
    nullable: true,
    description: 'shortfall × unit true-up price; null when the license has no price.',
  })
  async exposure(@Root() line: PositionLineGql, @Ctx() ctx: GqlContext): Promise<MoneyGql | null> {
    const prices = await ctx.loaders.unitPrices.load(`${line.smartAccountId}|${line.asOf}`);
    const exposure = lineExposure(line.shortfall, prices.get(line.licenseId));
    return exposure ? toMoneyGql(exposure) : null;
  }
}
