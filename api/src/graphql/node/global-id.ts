import { DomainError } from '../../domain/index.js';

/**
 * Types whose `id` is a global id, each the GraphQL type name. All implement `Node` and can be
 * fetched back by `node(id:)`.
 */
export const NODE_TYPES = [
  'SmartAccount',
  'VirtualAccount',
  'License',
  'ProductInstance',
  'Reservation',
  'Entitlement',
  'Scenario',
  'ImportRun',
  'Snapshot',
  'PriceBookEntry',
  'ReservationEvent',
  'ClassicConversion',
  'Transfer',
  'AccountEvent',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Opaque global id: base64 of `Type:id` (the Relay convention), e.g. `VmlydHVhbEFjY291bnQ6Nw==`. */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
}

/** The global id of a nullable reference (a lot an earlier move brought in has none). */
export function toGlobalIdOrNull(type: NodeType, id: number | null): string | null {
  return id === null ? null : toGlobalId(type, id);
}

/** The type and numeric id inside a global id; null for anything else (never throws). */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(globalId)) return null;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(
    Buffer.from(globalId, 'base64').toString('utf8'),
  );
  const type = match?.[1] as NodeType | undefined;
  if (!match || !type || !NODE_TYPES.includes(type)) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type, id } : null;
}

/**
 * The table id inside a global id an argument or input field must hold, of the type it must
 * name. Anything else (a bare number, another type's id, garbage) is the caller's mistake:
 * `INVALID_ID` naming the field (a mutation answers it as a user error on `["input", field]`,
 * a query as BAD_USER_INPUT), and nothing is read or written with it.
 */
export function parseGlobalId(value: string, type: NodeType, field: string): number {
  const parsed = fromGlobalId(value);
  if (parsed?.type === type) return parsed.id;
  const what = parsed ? `a ${parsed.type} id` : 'not a global id';
  throw new DomainError(
    'INVALID_ID',
    `${field} must be the global id of a ${type} (its id field); ${JSON.stringify(value)} is ${what}.`,
    { field },
  );
}

/** {@link parseGlobalId} for an optional field: null or absent stays undefined. */
export function parseOptionalGlobalId(
  value: string | null | undefined,
  type: NodeType,
  field: string,
): number | undefined {
  return value === null || value === undefined ? undefined : parseGlobalId(value, type, field);
}
