import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { pageOfList } from '../../services/list-page.js';
import { SmartAccountGql } from '../account/account.type.js';
import { Connection, toConnection } from '../connection.js';
import { DESCRIBE } from '../descriptions.js';

import { toImportRunGql } from './import.mapper.js';
import { ImportRunGql } from './import.type.js';

export const ImportRunConnection = Connection('ImportRun', ImportRunGql);
export type ImportRunConnection = InstanceType<typeof ImportRunConnection>;

/** Runs a connection pages over: every run on record (one row per imported file). */
const ALL_RUNS = 1_000_000;

/** `importRuns` as a cursor-paged connection (the plain list stays for quick looks). */
@Resolver(() => SmartAccountGql)
export class ImportRunsConnectionResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => ImportRunConnection, {
    description:
      'What was imported, newest first (imports running in this server first, status RUNNING), a page at a time: the same rows as importRuns, with cursors. Forward-only: page with first/after (no last/before).',
  })
  async importRunsConnection(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<ImportRunConnection> {
    const running = this.services.imports.running(account.domain, account.smartAccountId);
    const runs = await this.services.imports.runsOf(account.smartAccountId, ALL_RUNS);
    return toConnection(pageOfList([...running, ...runs], { first, after }), toImportRunGql);
  }
}
