import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';

import { currentRequest } from '../../http/request-context.js';
import type { Services } from '../../services/index.js';
import { toLicenseGql, toVirtualAccountGql } from '../account/account.mapper.js';
import { LicenseGql, SmartAccountGql, VirtualAccountGql } from '../account/account.type.js';
import { AsOfArg, IncludeClassicArg } from '../args.js';
import { toConnection } from '../connection.js';
import type { GqlContext } from '../context.js';
import { DESCRIBE } from '../descriptions.js';

import {
  PositionRowConnection,
  PositionRowGql,
  PositionRowOrderInput,
} from './position-row.type.js';
import { toPositionRowFilter, toPositionRowGql } from './position.mapper.js';
import { PositionFilterInput } from './position.type.js';
import { selectsPriceColumns } from './price-columns.js';

@Resolver(() => SmartAccountGql)
export class SmartAccountPositionRowsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => PositionRowConnection, {
    description:
      'Flat, paginated Virtual Account × license rows for BI pulls, in orderBy (default Virtual Account then license name). Pages of up to 5,000 rows (first: 5000): scalars cost 0 and objects 1 a row, so a full page of nodes with every flat column costs 5,001 (10,001 with pageInfo), well under the 100,000 limit; the nested virtualAccount and license objects add 5,000 each. /export/positions.csv and .jsonl give every row at once, with the same columns and filters.',
  })
  async positionRows(
    @Root() account: SmartAccountGql,
    @AsOfArg()
    asOf: string | null,
    @IncludeClassicArg()
    includeClassic: boolean | null,
    @Arg('filter', () => PositionFilterInput, {
      nullable: true,
      description: 'Only the rows matching every condition given.',
    })
    filter: PositionFilterInput | null,
    @Arg('orderBy', () => PositionRowOrderInput, {
      nullable: true,
      description:
        'The order of the rows (default VIRTUAL_ACCOUNT_NAME ASC); ties always by Virtual Account then license name.',
    })
    orderBy: PositionRowOrderInput | null,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: `${DESCRIBE.after} Valid only with the orderBy it was issued for.`,
    })
    after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PositionRowConnection> {
    const page = await this.services.position.rowsPage({
      smartAccountId: account.smartAccountId,
      asOf,
      includeClassic: includeClassic ?? true,
      filter: toPositionRowFilter(filter),
      orderBy: orderBy ?? undefined,
      page: { first, after },
      seen: currentRequest()?.positionVersion,
      withPrices: selectsPriceColumns(info),
    });
    // Rows served as read, cursors encoded when asked, edges built only when selected (a BI
    // page of 5,000 rows selects nodes).
    return toConnection(page, toPositionRowGql);
  }
}

@Resolver(() => PositionRowGql)
export class PositionRowResolver {
  @FieldResolver(() => VirtualAccountGql, {
    description: 'The Virtual Account as an object (costs 1 a row; the flat columns cost 0).',
  })
  async virtualAccount(
    @Root() row: PositionRowGql,
    @Ctx() ctx: GqlContext,
  ): Promise<VirtualAccountGql> {
    return toVirtualAccountGql(await ctx.loaders.virtualAccountById.load(row.virtualAccountId));
  }

  @FieldResolver(() => LicenseGql, {
    description: 'The license as an object (costs 1 a row; the flat columns cost 0).',
  })
  async license(@Root() row: PositionRowGql, @Ctx() ctx: GqlContext): Promise<LicenseGql> {
    return toLicenseGql(await ctx.loaders.licenseById.load(row.licenseId));
  }
}
