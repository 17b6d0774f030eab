import { Payload } from '../mutation/payload.js';

import { ReallocationSimulationGql, ScenarioGql, TransferGql } from './reallocation.type.js';

const scenario = (description: string) => ({ type: () => ScenarioGql, description });

export const CreateScenarioPayload = Payload(
  'CreateScenarioPayload',
  'What createScenario answers: the draft, or the input’s mistakes.',
  { scenario: scenario('The draft created (version 1); null when userErrors is not empty.') },
);

export const UpdateScenarioPayload = Payload(
  'UpdateScenarioPayload',
  'What updateScenario answers: the draft at its new version, or the input’s mistakes (a stale expectedVersion is SCENARIO_VERSION_CONFLICT).',
  { scenario: scenario('The draft after the edit; null when userErrors is not empty.') },
);

export const DiscardScenarioPayload = Payload(
  'DiscardScenarioPayload',
  'What discardScenario answers: the scenario, now DISCARDED, or the input’s mistakes.',
  { scenario: scenario('The scenario, now DISCARDED; null when userErrors is not empty.') },
);

export const ApplyScenarioPayload = Payload(
  'ApplyScenarioPayload',
  'What applyScenario wrote, or the input’s mistakes (a stale version, a surplus consumed since evaluation: REALLOCATION_CONFLICT); nothing is written when userErrors is not empty.',
  {
    scenario: scenario('The scenario, now APPLIED; null when userErrors is not empty.'),
    transfers: { type: () => [TransferGql], description: 'The lot transfers written.' },
    simulation: {
      type: () => ReallocationSimulationGql,
      description:
        'The validation the apply ran against the live data; the position now equals its after.',
    },
  },
);
