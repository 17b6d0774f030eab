import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql, VirtualAccountGql } from '../account/account.type.js';
import { AsOfArg } from '../args.js';
import { toConnection } from '../connection.js';
import { DESCRIBE } from '../descriptions.js';

import { toFindingGql } from './finding.mapper.js';
import {
  FindingCodeGql,
  FindingConnection,
  FindingGql,
  FindingSeverityGql,
} from './finding.type.js';

/** The filters both findings fields take. */
const CodesArg = () =>
  Arg('codes', () => [FindingCodeGql], {
    nullable: true,
    description: 'Only findings of these codes (default all).',
  });
const SeveritiesArg = () =>
  Arg('severities', () => [FindingSeverityGql], {
    nullable: true,
    description: 'Only findings of these severities (default all).',
  });

@Resolver(() => SmartAccountGql)
export class SmartAccountFindingsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => FindingConnection, {
    nullable: true,
    description:
      'Findings of the Smart Account at a date, most urgent first (severity, then code, Virtual Account, license); the cursor is the finding key.' +
      DESCRIBE.nullOnFailure,
  })
  async findings(
    @Root() account: SmartAccountGql,
    @AsOfArg()
    asOf: string | null,
    @CodesArg()
    codes: FindingCodeGql[] | null,
    @SeveritiesArg()
    severities: FindingSeverityGql[] | null,
    @Arg('virtualAccount', () => String, {
      nullable: true,
      description: 'Only findings of this Virtual Account (by name).',
    })
    virtualAccount: string | null,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<FindingConnection> {
    const page = await this.services.findingsPage({
      smartAccountId: account.smartAccountId,
      asOf,
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
    nullable: true,
    description:
      'Findings of this Virtual Account, most urgent first (at most 5000).' +
      DESCRIBE.nullOnFailure,
  })
  async findings(
    @Root() account: VirtualAccountGql,
    @AsOfArg()
    asOf: string | null,
    @CodesArg()
    codes: FindingCodeGql[] | null,
    @SeveritiesArg()
    severities: FindingSeverityGql[] | null,
  ): Promise<FindingGql[]> {
    const page = await this.services.findingsPage({
      smartAccountId: account.smartAccountId,
      asOf,
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
