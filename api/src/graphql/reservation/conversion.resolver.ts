import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { toLicenseGql, toVirtualAccountGql } from '../account/account.mapper.js';
import { LicenseGql, SmartAccountGql, VirtualAccountGql } from '../account/account.type.js';
import { RequiresRole, scoped } from '../auth.js';
import type { GqlContext } from '../context.js';
import { runMutation } from '../mutation/run-mutation.js';

import {
  ConvertClassicLotsPayload,
  ConvertDeviceLicensesPayload,
  ConvertPakPayload,
} from './reservation-payload.type.js';
import {
  ConvertClassicLotsInput,
  ConvertDeviceLicensesInput,
  ConvertPakInput,
} from './reservation.input.js';
import {
  toClassicConversionGql,
  toClassicConversionResultGql,
  toConvertCommand,
  toConvertDeviceCommand,
  toConvertPakCommand,
} from './reservation.mapper.js';
import { ClassicConversionGql } from './reservation.type.js';

@Resolver(() => ClassicConversionGql)
export class ClassicConversionResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => ConvertClassicLotsPayload, {
    description:
      'Converts a classic PAK lot, whole or part, into Smart entitlement in the lot’s Virtual ' +
      'Account or intoVirtualAccountId: unified owned over the account stays the same, the ' +
      'smart-only one rises from asOf on.',
  })
  async convertClassicLots(
    @Arg('input', () => ConvertClassicLotsInput, { description: 'The lot and how much.' })
    input: ConvertClassicLotsInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(input, async () => ({
      conversion: toClassicConversionResultGql(
        await this.services.conversions.convert(scoped(ctx, toConvertCommand(input))),
      ),
    }));
  }

  @RequiresRole('ADMIN')
  @Mutation(() => ConvertPakPayload, {
    description:
      'Converts N units (default all that remain) of a license from a classic PAK into a ' +
      'Virtual Account of the same Smart Account; one result per lot taken from.',
  })
  async convertPak(
    @Arg('input', () => ConvertPakInput, { description: 'The PAK, license, quantity and target.' })
    input: ConvertPakInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(input, async () => ({
      conversions: (
        await this.services.conversions.convertPak(scoped(ctx, toConvertPakCommand(input)))
      ).map(toClassicConversionResultGql),
    }));
  }

  @RequiresRole('ADMIN')
  @Mutation(() => ConvertDeviceLicensesPayload, {
    description:
      'Device-led conversion: every classic PAK license fulfilled for the serial, into the ' +
      'device’s Virtual Account (or intoVirtualAccount).',
  })
  async convertDeviceLicenses(
    @Arg('input', () => ConvertDeviceLicensesInput, { description: 'The device serial.' })
    input: ConvertDeviceLicensesInput,
    @Ctx() ctx: GqlContext,
  ) {
    return runMutation(input, async () => ({
      conversions: (
        await this.services.conversions.convertDevice(scoped(ctx, toConvertDeviceCommand(input)))
      ).map(toClassicConversionResultGql),
    }));
  }

  @FieldResolver(() => VirtualAccountGql, {
    description: 'The Virtual Account converted into (where the SMART lot is).',
  })
  async virtualAccount(
    @Root() c: ClassicConversionGql,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountGql> {
    return toVirtualAccountGql(await ctx.loaders.virtualAccountById.load(c.virtualAccountId));
  }

  @FieldResolver(() => LicenseGql, { description: 'The license converted.' })
  async license(@Root() c: ClassicConversionGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(c.licenseId));
  }
}

@Resolver(() => SmartAccountGql)
export class SmartAccountConversionsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [ClassicConversionGql], {
    description: 'Classic PAK conversions recorded in the account, newest first.',
  })
  async classicConversions(@Root() account: SmartAccountGql): Promise<ClassicConversionGql[]> {
    return (await this.services.conversions.conversionsOf(account.smartAccountId)).map(
      toClassicConversionGql,
    );
  }
}
