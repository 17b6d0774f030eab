import type express from 'express';

import {
  POSITION_ROW_SORT_KEYS,
  type PositionRowFilter,
  type PositionRowOrder,
  type PositionRowSortKey,
} from '../services/index.js';

/** A query parameter of a positions export the server cannot use: 400 with this message. */
export class ExportParameterError extends Error {
  readonly code = 'INVALID_EXPORT_PARAMETER';
}

/** The list filters, named as the fields of GraphQL's `PositionFilter`; repeat one for several values. */
const LIST_FILTERS = [
  'virtualAccountNames',
  'licenseNames',
  'productFamilies',
  'regions',
  'businessUnits',
] as const;

const KNOWN = new Set([
  'smartAccount',
  'asOf',
  'includeClassic',
  ...LIST_FILTERS,
  'hasShortfall',
  'hasSurplus',
  'orderBy',
  'direction',
]);

function list(req: express.Request, name: string): string[] | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v): v is string => typeof v === 'string'))
    throw new ExportParameterError(
      `${name} must be given as ${name}=<value>, repeated for several`,
    );
  return values;
}

function single(req: express.Request, name: string): string | undefined {
  const values = list(req, name);
  if (values && values.length > 1)
    throw new ExportParameterError(`${name} may be given once (got ${values.length} values)`);
  return values?.[0];
}

function flag(req: express.Request, name: string): boolean | undefined {
  const value = single(req, name);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ExportParameterError(`${name} must be true or false (got "${value}")`);
}

/**
 * The positions export's rows, from the query string, named as `positionRows`' arguments:
 * `includeClassic=true|false`, the `PositionFilter` fields (`virtualAccountNames=A&virtualAccountNames=B`,
 * `licenseNames`, `productFamilies`, `regions`, `businessUnits`, `hasShortfall=true|false`,
 * `hasSurplus`), and `orderBy=<PositionRowSortKey>&direction=ASC|DESC`. `smartAccount` and `asOf`
 * are read with every export's.
 */
export function positionsExportParams(req: express.Request): {
  includeClassic: boolean;
  filter: PositionRowFilter;
  orderBy: PositionRowOrder | undefined;
} {
  const unknown = Object.keys(req.query).filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) {
    throw new ExportParameterError(
      `unknown parameter ${unknown.join(', ')}; the positions export takes ${[...KNOWN].join(', ')}`,
    );
  }
  const filter: { -readonly [K in keyof PositionRowFilter]: PositionRowFilter[K] } = {};
  for (const name of LIST_FILTERS) filter[name] = list(req, name);
  filter.hasShortfall = flag(req, 'hasShortfall');
  filter.hasSurplus = flag(req, 'hasSurplus');
  const field = single(req, 'orderBy');
  const direction = single(req, 'direction') ?? 'ASC';
  if (field !== undefined && !(POSITION_ROW_SORT_KEYS as readonly string[]).includes(field)) {
    throw new ExportParameterError(
      `orderBy must be one of ${POSITION_ROW_SORT_KEYS.join(', ')} (got "${field}")`,
    );
  }
  if (direction !== 'ASC' && direction !== 'DESC')
    throw new ExportParameterError(`direction must be ASC or DESC (got "${direction}")`);
  if (field === undefined && single(req, 'direction') !== undefined)
    throw new ExportParameterError('direction needs orderBy');
  return {
    includeClassic: flag(req, 'includeClassic') ?? true,
    filter,
    orderBy: field === undefined ? undefined : { field: field as PositionRowSortKey, direction },
  };
}
