// A leaf module, so building the command line (and `--help`) loads no command code.
export type ScenarioAction = 'list' | 'create' | 'show' | 'evaluate' | 'apply' | 'discard';

export const SCENARIO_ACTIONS: readonly ScenarioAction[] = [
  'list',
  'create',
  'show',
  'evaluate',
  'apply',
  'discard',
];
