import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { SmartAccountGql } from '../account/account.type.js';
import { RequiresRole, requireImportTarget } from '../auth.js';
import type { GqlContext } from '../context.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { toImportCommand, toImportRunGql, toImportSummaryGql } from './import.mapper.js';
import { ImportFormatGql, ImportRunGql, ImportSummaryGql } from './import.type.js';

@Resolver(() => SmartAccountGql)
export class ImportResolver {
  constructor(private readonly services: Services) {}

  @RequiresRole('ADMIN')
  @Mutation(() => ImportSummaryGql, {
    description:
      'Imports one file, all or nothing. Bad input changes nothing and comes back as issues. ' +
      'Into a granted Smart Account; only an install-wide token may create a new one.',
  })
  async importData(
    @Arg('smartAccount', () => String, {
      description: 'Domain; created if new (install-wide tokens only).',
    })
    smartAccount: string,
    @Arg('fileName', () => String, {
      description: 'Name of the file, shown in issues (file:line:column).',
    })
    fileName: string,
    @Arg('content', () => String, { description: 'The file’s text, UTF-8 (BOM or not).' })
    content: string,
    @Arg('format', () => ImportFormatGql, {
      nullable: true,
      description: 'Detected from the content when absent.',
    })
    format: ImportFormatGql | null,
    @Arg('dryRun', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Validate and count only; write nothing.',
    })
    dryRun: boolean | null,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'Date the export describes (default today).',
    })
    asOf: string | null,
    @Arg('virtualAccount', () => String, {
      nullable: true,
      description:
        'The Virtual Account of files that name none (v2 get-summary, one-Virtual-Account exports).',
    })
    virtualAccount: string | null,
    @Arg('smartAccountName', () => String, {
      nullable: true,
      description: 'Display name of a Smart Account created by this import.',
    })
    smartAccountName: string | null,
    @Arg('sourceSystem', () => String, {
      nullable: true,
      description:
        'cloud (default), or onprem:<host> for an SSM On-Prem export: records <host> as a ' +
        'satellite synced on the as-of date, and its devices as ON_PREM unless reserved.',
    })
    sourceSystem: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<ImportSummaryGql> {
    requireImportTarget(ctx, smartAccount);
    const asOfDate = this.services.position.asOfOrToday(asOf);
    const command = toImportCommand({
      smartAccount,
      smartAccountName,
      format,
      fileName,
      content,
      dryRun,
      virtualAccount,
      sourceSystem,
      asOf: asOfDate,
    });
    return toImportSummaryGql(await this.services.imports.run(command));
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
