import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { RequiresRole, requireImportTarget } from '../auth.js';
import type { GqlContext } from '../context.js';
import { runMutation } from '../mutation/run-mutation.js';

import { ImportDataInput, ImportDataPayload } from './import-payload.type.js';
import { toImportCommand, toImportRunGql, toImportSummaryGql } from './import.mapper.js';
import { ImportRunGql } from './import.type.js';

@Resolver(() => SmartAccountGql)
export class ImportResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => ImportDataPayload, {
    description:
      'Imports one file, all or nothing. Bad input changes nothing and comes back as issues. ' +
      'Into a granted Smart Account; only an install-wide token may create a new one.',
  })
  async importData(
    @Arg('input', () => ImportDataInput, { description: 'The file and where it goes.' })
    input: ImportDataInput,
    @Ctx() ctx: GqlContext,
  ) {
    requireImportTarget(ctx, input.smartAccount);
    return runMutation(input, async () => {
      const command = toImportCommand({
        smartAccount: input.smartAccount,
        smartAccountName: input.smartAccountName ?? null,
        format: input.format ?? null,
        fileName: input.fileName,
        content: input.content,
        dryRun: input.dryRun ?? false,
        virtualAccount: input.virtualAccount ?? null,
        sourceSystem: input.sourceSystem ?? null,
        asOf: input.asOf,
      });
      return { summary: toImportSummaryGql(await this.services.imports.run(command)) };
    });
  }

  @FieldResolver(() => [ImportRunGql], {
    description:
      'What was imported, newest first; an import running in this server first, status RUNNING, its rowCounts its progress (pass, rowsRead, rowsPerSecond, bytesRead, totalBytes).',
  })
  async importRuns(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 50,
      description: 'How many runs, newest first (0–1000; more is capped at 1000).',
    })
    first: number | null,
  ): Promise<ImportRunGql[]> {
    const limit = Math.min(Math.max(first ?? 50, 0), 1000);
    // An import still running is not in the table yet (its transaction is open): its progress.
    const running = this.services.imports.running(account.domain, account.smartAccountId);
    const runs = await this.services.imports.runsOf(account.smartAccountId, limit);
    return [...running, ...runs].slice(0, limit).map(toImportRunGql);
  }
}
