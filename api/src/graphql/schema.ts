import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';

import type { Services } from '../services/index.js';

import {
  SmartAccountConnectionsResolver,
  VirtualAccountConnectionsResolver,
} from './account/account-connections.resolver.js';
import { LicenseResolver, EntitlementResolver } from './account/license.resolver.js';
import { SmartAccountRecordConnectionsResolver } from './account/record-connections.resolver.js';
import { SmartAccountResolver } from './account/smart-account.resolver.js';
import { VirtualAccountResolver } from './account/virtual-account.resolver.js';
import { assertMutationsHaveRoles, authChecker } from './auth.js';
import {
  ReservationLogResolver,
  SmartAccountEventsResolver,
} from './events/account-event.resolver.js';
import {
  SmartAccountFindingsResolver,
  VirtualAccountFindingsResolver,
} from './findings/findings.resolver.js';
import { HistoryResolver } from './history/history.resolver.js';
import { ImportRunsConnectionResolver } from './import/import-runs-connection.resolver.js';
import { ImportResolver } from './import/import.resolver.js';
import { PriceBookConnectionResolver } from './money/price-book-connection.resolver.js';
import {
  LicensePriceResolver,
  PositionLineMoneyResolver,
  PriceBookMutationResolver,
  SmartAccountMoneyResolver,
} from './money/price-book.resolver.js';
import {
  RenewalModelBreakEvenResolver,
  SmartAccountRenewalResolver,
} from './money/renewal.resolver.js';
import { NodeResolver } from './node/node.resolver.js';
import { useSyncNodeResolveType } from './node/node.type.js';
import {
  LicensePositionResolver,
  PositionLineResolver,
} from './position/position-line.resolver.js';
import {
  PositionRowResolver,
  SmartAccountPositionRowsResolver,
} from './position/position-rows.resolver.js';
import { ReallocationResolver } from './reallocation/reallocation.resolver.js';
import {
  ScenarioResolver,
  SmartAccountScenariosResolver,
} from './reallocation/scenario.resolver.js';
import {
  ClassicConversionResolver,
  SmartAccountConversionsResolver,
} from './reservation/conversion.resolver.js';
import {
  ReservationEventResolver,
  SmartAccountReservationsResolver,
} from './reservation/reservation-event.resolver.js';
import { ReservationMutationResolver } from './reservation/reservation-mutation.resolver.js';
import { ReservationResolver } from './reservation/reservation.resolver.js';
import { ReservationsConnectionResolver } from './reservation/reservations-connection.resolver.js';
import { DateScalar } from './scalars/date.scalar.js';

const resolvers = [
  SmartAccountResolver,
  VirtualAccountResolver,
  PositionLineResolver,
  SmartAccountPositionRowsResolver,
  PositionRowResolver,
  LicensePositionResolver,
  LicenseResolver,
  EntitlementResolver,
  ImportResolver,
  ImportRunsConnectionResolver,
  SmartAccountFindingsResolver,
  VirtualAccountFindingsResolver,
  HistoryResolver,
  ReservationMutationResolver,
  ReservationResolver,
  ReservationEventResolver,
  SmartAccountReservationsResolver,
  ClassicConversionResolver,
  SmartAccountConversionsResolver,
  ReallocationResolver,
  ScenarioResolver,
  SmartAccountScenariosResolver,
  PriceBookMutationResolver,
  SmartAccountMoneyResolver,
  LicensePriceResolver,
  PositionLineMoneyResolver,
  SmartAccountRenewalResolver,
  RenewalModelBreakEvenResolver,
  SmartAccountEventsResolver,
  ReservationLogResolver,
  NodeResolver,
  SmartAccountConnectionsResolver,
  VirtualAccountConnectionsResolver,
  PriceBookConnectionResolver,
  ReservationsConnectionResolver,
  SmartAccountRecordConnectionsResolver,
] as const;

/** Resolver instances wired by hand (no DI library): each gets the services it needs. */
function containerFor(services: Services | undefined): ContainerType {
  const instances = new Map<unknown, unknown>(
    resolvers.map((R) => [R, new R(services as Services)]),
  );
  return { get: (cls) => instances.get(cls) };
}

/** type-graphql names the root types but takes no description for them. */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  if (query) {
    query.description =
      'Entry points for reading: start at smartAccounts or smartAccount(domain:), where positions, findings, rollups, history, prices and the renewal model hang. Reallocation simulations are queries too: they never write.';
  }
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      'Changes: imports, snapshots, prices, reservations, classic PAK conversions and reallocation scenarios. Each needs a token of role ANALYST (create, update or discard a scenario) or ADMIN (the rest).';
  }
}

/**
 * Builds the executable schema. Without services it can only be printed (schema emission and
 * drift checks); executing it then fails.
 */
export async function createSchema(services?: Services): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    container: containerFor(services),
    scalarsMap: [{ type: Date, scalar: DateScalar }],
    validate: false,
    authChecker,
  });
  assertMutationsHaveRoles(schema);
  describeRootTypes(schema);
  useSyncNodeResolveType(schema);
  return schema;
}

/** The SDL committed as api/schema.graphql (sorted, so the file diffs cleanly). */
export async function printTrueupSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema()));
}
