import type { WhatIfResult } from '../model/what-if-sheet.js';

import { op } from './operation.js';
import { units, type BigIntString, type MoneyData } from './operations.js';

/** A move as the API takes it (license and Virtual Accounts by name). */
export interface MoveInput {
  license: string;
  quantity: number;
  from: string;
  to: string;
}

interface LineData {
  owned: BigIntString;
  consumed: BigIntString;
  balance: BigIntString;
  shortfall: BigIntString;
  surplus: BigIntString;
}
export interface SimulationData {
  asOf: string;
  feasible: boolean;
  shortfallChange: BigIntString;
  surplusChange: BigIntString;
  exposureBefore: MoneyData[];
  exposureAfter: MoneyData[];
  exposureChange: MoneyData[];
  lines: { virtualAccountName: string; licenseName: string; before: LineData; after: LineData }[];
  moves: { index: number; warnings: { code: string; blocking: boolean; message: string }[] }[];
}
const LINE = 'owned consumed balance shortfall surplus';
const SIMULATION_FIELDS = `asOf feasible shortfallChange surplusChange
  exposureBefore { amount currency } exposureAfter { amount currency } exposureChange { amount currency }
  lines { virtualAccountName licenseName before { ${LINE} } after { ${LINE} } }
  moves { index warnings { code blocking message } }`;

export const SIMULATE_REALLOCATION = op<
  { simulateReallocation: SimulationData },
  { smartAccount: string; asOf: string | null; moves: MoveInput[] }
>(
  'SimulateReallocation',
  `query SimulateReallocation($smartAccount: String!, $asOf: Date, $moves: [ReallocationMoveInput!]!) {
    simulateReallocation(smartAccount: $smartAccount, asOf: $asOf, moves: $moves) { ${SIMULATION_FIELDS} }
  }`,
);

/** GraphQL simulation → the What-if sheet's input (sums as cell numbers). */
export function toWhatIfResult(data: SimulationData): WhatIfResult {
  const line = (l: LineData) => ({
    owned: units(l.owned),
    consumed: units(l.consumed),
    balance: units(l.balance),
    shortfall: units(l.shortfall),
    surplus: units(l.surplus),
  });
  return {
    ...data,
    shortfallChange: units(data.shortfallChange),
    surplusChange: units(data.surplusChange),
    lines: data.lines.map((l) => ({ ...l, before: line(l.before), after: line(l.after) })),
  };
}

export interface PlanData {
  asOf: string;
  boundUnits: BigIntString;
  curedUnits: BigIntString;
  moves: MoveInput[];
}
export const SUGGEST_REALLOCATION = op<
  { suggestReallocation: PlanData },
  { smartAccount: string; asOf: string | null }
>(
  'SuggestReallocation',
  `query SuggestReallocation($smartAccount: String!, $asOf: Date) {
    suggestReallocation(smartAccount: $smartAccount, asOf: $asOf) {
      asOf boundUnits curedUnits moves { license quantity from to }
    }
  }`,
);

/** A mutation's mistakes in the input (the payload's userErrors; empty on success). */
export interface UserErrorData {
  field: string[] | null;
  code: string;
  message: string;
}
const USER_ERRORS = 'userErrors { field code message }';

export const CREATE_SCENARIO = op<
  {
    createScenario: {
      scenario: { id: string; version: number } | null;
      userErrors: UserErrorData[];
    };
  },
  { input: { name: string; smartAccount: string; asOf: string | null; moves: MoveInput[] } }
>(
  'CreateScenario',
  `mutation CreateScenario($input: CreateScenarioInput!) {
    createScenario(input: $input) { scenario { id version } ${USER_ERRORS} }
  }`,
);

export const APPLY_SCENARIO = op<
  {
    applyScenario: {
      scenario: { id: string; status: string } | null;
      transfers: { id: string }[] | null;
      userErrors: UserErrorData[];
    };
  },
  { input: { id: string; expectedVersion: number; smartAccount: string } }
>(
  'ApplyScenario',
  `mutation ApplyScenario($input: ApplyScenarioInput!) {
    applyScenario(input: $input) { scenario { id status } transfers { id } ${USER_ERRORS} }
  }`,
);
