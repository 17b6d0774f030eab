import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { Services } from '../../services/index.js';
import { pageOfList } from '../../services/list-page.js';
import { Connection, toConnection } from '../connection.js';
import { DESCRIBE } from '../descriptions.js';
import { toSnapshotGql } from '../history/history.mapper.js';
import { SnapshotGql } from '../history/history.type.js';
import { toScenarioGql } from '../reallocation/reallocation.mapper.js';
import { ScenarioGql, ScenarioStatusGql } from '../reallocation/reallocation.type.js';
import { toClassicConversionGql } from '../reservation/reservation.mapper.js';
import { ClassicConversionGql } from '../reservation/reservation.type.js';

import { SmartAccountGql } from './account.type.js';

// Paged (forward-only: first/after) twins of the account's growing records: scenarios,
// snapshots and classic conversions. The plain lists stay for clients that take them whole.

export const ScenarioConnection = Connection('Scenario', ScenarioGql);
export type ScenarioConnection = InstanceType<typeof ScenarioConnection>;
export const SnapshotConnection = Connection('Snapshot', SnapshotGql);
export type SnapshotConnection = InstanceType<typeof SnapshotConnection>;
export const ClassicConversionConnection = Connection('ClassicConversion', ClassicConversionGql);
export type ClassicConversionConnection = InstanceType<typeof ClassicConversionConnection>;

const FORWARD_ONLY = 'Forward-only: page with first/after (no last/before).';

@Resolver(() => SmartAccountGql)
export class SmartAccountRecordConnectionsResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => ScenarioConnection, {
    description: `Scenarios, newest first, a page at a time (the same rows as scenarios). ${FORWARD_ONLY}`,
  })
  async scenariosConnection(
    @Root() account: SmartAccountGql,
    @Arg('status', () => [ScenarioStatusGql], {
      nullable: true,
      description: 'Only scenarios of these statuses (default all).',
    })
    status: ScenarioStatusGql[] | null,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<ScenarioConnection> {
    const rows = await this.services.reallocation.list(account.smartAccountId, status);
    return toConnection(pageOfList(rows, { first, after }), toScenarioGql);
  }

  @FieldResolver(() => SnapshotConnection, {
    description: `Snapshots, newest first, a page at a time (the same rows as snapshots). ${FORWARD_ONLY}`,
  })
  async snapshotsConnection(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<SnapshotConnection> {
    const rows = await this.services.history.snapshotsOf(account.smartAccountId);
    return toConnection(pageOfList(rows, { first, after }), toSnapshotGql);
  }

  @FieldResolver(() => ClassicConversionConnection, {
    description: `Classic PAK conversions, newest first, a page at a time (the same rows as classicConversions). ${FORWARD_ONLY}`,
  })
  async classicConversionsConnection(
    @Root() account: SmartAccountGql,
    @Arg('first', () => Int, { nullable: true, description: DESCRIBE.first }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: DESCRIBE.after })
    after: string | null,
  ): Promise<ClassicConversionConnection> {
    const rows = await this.services.conversions.conversionsOf(account.smartAccountId);
    return toConnection(pageOfList(rows, { first, after }), toClassicConversionGql);
  }
}
