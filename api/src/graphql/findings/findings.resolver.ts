import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql, VirtualAccountGql } from '../account/account.type.js';
import { toConnection } from '../connection.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { toFindingGql } from './finding.mapper.js';
import {
  FindingCodeGql,
  FindingConnection,
  FindingGql,
  FindingSeverityGql,
} from './finding.type.js';

@Resolver(() => SmartAccountGql)
export class SmartAccountFindingsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => FindingConnection, { description: 'Findings, most urgent first.' })
  async findings(
    @Root() account: SmartAccountGql,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('codes', () => [FindingCodeGql], { nullable: true }) codes: FindingCodeGql[] | null,
    @Arg('severities', () => [FindingSeverityGql], { nullable: true })
    severities: FindingSeverityGql[] | null,
    @Arg('virtualAccount', () => String, { nullable: true, description: 'Virtual Account name.' })
    virtualAccount: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<FindingConnection> {
    const page = await this.services.findingsPage({
      smartAccountId: account.smartAccountId,
      asOf: this.services.position.asOfOrToday(asOf),
      filter: {
        codes: codes ?? undefined,
        severities: severities ?? undefined,
        virtualAccountName: virtualAccount ?? undefined,
      },
      page: { first, after },
    });
    return toConnection(page, toFindingGql);
  }
}

@Resolver(() => VirtualAccountGql)
export class VirtualAccountFindingsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => [FindingGql], {
    description: 'Findings of this Virtual Account, most urgent first.',
  })
  async findings(
    @Root() account: VirtualAccountGql,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('codes', () => [FindingCodeGql], { nullable: true }) codes: FindingCodeGql[] | null,
    @Arg('severities', () => [FindingSeverityGql], { nullable: true })
    severities: FindingSeverityGql[] | null,
  ): Promise<FindingGql[]> {
    const page = await this.services.findingsPage({
      smartAccountId: account.smartAccountId,
      asOf: this.services.position.asOfOrToday(asOf),
      filter: {
        codes: codes ?? undefined,
        severities: severities ?? undefined,
        virtualAccountName: account.name,
      },
      page: { first: 5000, after: null },
    });
    return page.items.map((item) => toFindingGql(item.node));
  }
}
