import { GraphQLError, type GraphQLSchema } from 'graphql';
import { Authorized, Extensions, type AuthChecker } from 'type-graphql';

import { DomainError, roleAllows, type Role } from '../domain/index.js';
import { canSee, mayNameDomain } from '../services/access/access.js';
import type { Services, SmartAccountRecord } from '../services/index.js';

import type { GqlContext } from './context.js';

/** Field extension holding the role a field needs; read by the schema check below. */
export const REQUIRED_ROLE = 'requiredRole';

/**
 * The one way to put a role on a resolver field: `@RequiresRole('ANALYST')` above `@Mutation`,
 * `@Query` or `@FieldResolver`. A token of that role or a stronger one may call it
 * (VIEWER < ANALYST < ADMIN); others get FORBIDDEN. Every Mutation field must carry it: the
 * schema refuses to build otherwise ({@link assertMutationsHaveRoles}).
 */
export function RequiresRole(role: Role): MethodDecorator {
  return (target, key, descriptor) => {
    Authorized<Role>(role)(target, key, descriptor);
    Extensions({ [REQUIRED_ROLE]: role })(target, key, descriptor);
  };
}

/** type-graphql `authChecker`: the token's role against the field's `@RequiresRole`. */
export const authChecker: AuthChecker<GqlContext, Role> = ({ context, info }, roles) => {
  const role = context.access.role;
  const denied = roles.find((required) => !roleAllows(role, required));
  if (denied === undefined) return true;
  throw new GraphQLError(
    `${info.parentType.name}.${info.fieldName} needs ${/^[AEIOU]/.test(denied) ? 'an' : 'a'} ${denied} token or stronger; this token is ${role}.`,
    { extensions: { code: 'FORBIDDEN' } },
  );
};

/**
 * Deny by default: throws unless every Mutation field declares its role with `@RequiresRole`,
 * so a mutation added without one stops the server (and the schema emission) from starting.
 */
export function assertMutationsHaveRoles(schema: GraphQLSchema): void {
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  const bare = fields.filter((f) => typeof f.extensions[REQUIRED_ROLE] !== 'string');
  if (bare.length > 0) {
    throw new Error(
      `Mutation fields without @RequiresRole(...): ${bare.map((f) => f.name).join(', ')}. ` +
        'Every mutation must declare the role it needs (see api/src/graphql/README.md).',
    );
  }
}

/** The error for a Smart Account the token cannot see, identical to one that does not exist. */
function unknownSmartAccount(): DomainError {
  return new DomainError('UNKNOWN_SMART_ACCOUNT', 'no such Smart Account');
}

/**
 * A Smart Account id named by an input, checked against the token's grants before anything
 * is read: one the token was not granted fails exactly like one that does not exist.
 */
export function requireSmartAccountId(ctx: GqlContext, smartAccountId: number): number {
  if (!canSee(ctx.access, smartAccountId)) throw unknownSmartAccount();
  return smartAccountId;
}

/**
 * The Smart Account of this domain if the token may see it, else undefined. A domain the token
 * was not granted is refused without touching the database, as is an unknown one.
 */
export async function visibleSmartAccount(
  ctx: GqlContext,
  services: Services,
  domain: string,
): Promise<SmartAccountRecord | undefined> {
  if (!mayNameDomain(ctx.access, domain)) return undefined;
  const found = await services.accounts.smartAccountByDomain(domain);
  return found && canSee(ctx.access, found.id) ? found : undefined;
}

/** {@link visibleSmartAccount}, or the not-found error every unknown domain gets. */
export async function requireSmartAccount(
  ctx: GqlContext,
  services: Services,
  domain: string,
): Promise<SmartAccountRecord> {
  const found = await visibleSmartAccount(ctx, services, domain);
  if (!found) throw unknownSmartAccount();
  return found;
}

/** Only the Smart Accounts the token may see, in the order given. */
export function visibleOnly<T extends { id: number }>(ctx: GqlContext, rows: readonly T[]): T[] {
  return rows.filter((r) => canSee(ctx.access, r.id));
}

/** A service command whose `smartAccountId` was checked with {@link requireSmartAccountId}. */
export function scoped<C extends { readonly smartAccountId: number }>(
  ctx: GqlContext,
  command: C,
): C {
  requireSmartAccountId(ctx, command.smartAccountId);
  return command;
}

/**
 * The Smart Account an import writes into: a granted one, or (install-wide tokens only) any,
 * including a new one. A scoped token naming another domain gets the not-found error.
 */
export function requireImportTarget(ctx: GqlContext, domain: string): void {
  if (!mayNameDomain(ctx.access, domain)) throw unknownSmartAccount();
}
