import { describe, expect, it } from 'vitest';

import { scenarioId } from './arguments.js';

describe('scenario --id', () => {
  it('takes the table id or the GraphQL global id of a scenario', () => {
    expect(scenarioId('12')).toBe(12);
    // `printf Scenario:12 | base64`
    expect(scenarioId('U2NlbmFyaW86MTI=')).toBe(12);
  });

  it('refuses another type’s global id and anything that is not an id', () => {
    // `printf License:12 | base64`
    expect(() => scenarioId('TGljZW5zZToxMg==')).toThrow(/this is a License id/);
    expect(() => scenarioId('0')).toThrow(/positive integer/);
    expect(() => scenarioId('twelve')).toThrow(/positive integer/);
  });
});
