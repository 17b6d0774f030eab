import type { DriftLine } from '../../domain/index.js';
import type { SnapshotRecord } from '../../services/index.js';
import type { Loaders } from '../loaders.js';
import { toGlobalId } from '../node/global-id.js';

import type { DriftLineGql, SnapshotGql } from './history.type.js';

// Snapshots and drift → GraphQL: the one mapper of this edge.

export const toSnapshotGql = (s: SnapshotRecord): SnapshotGql => ({
  id: toGlobalId('Snapshot', s.id),
  databaseId: s.id,
  label: s.name,
  asOf: s.asOf,
  includeClassic: s.includeClassic,
  takenAt: s.takenAt.toISOString(),
});

/** Drift line with its names, through the request's batched loaders. */
export async function toDriftLineGql(line: DriftLine, loaders: Loaders): Promise<DriftLineGql> {
  const [va, license] = await Promise.all([
    loaders.virtualAccountById.load(line.virtualAccountId),
    loaders.licenseById.load(line.licenseId),
  ]);
  return { ...line, virtualAccountName: va.name, licenseName: license.name };
}
