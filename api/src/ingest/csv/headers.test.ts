import { describe, expect, it } from 'vitest';

import { IssueCollector, formatIssue } from '../issues.js';

import { headerKey, matchHeaders } from './headers.js';

const SPEC = {
  license: { aliases: ['License'], required: true },
  owned: { aliases: ['Purchased', 'Available to Use', 'Quantity'], required: true },
  balance: { aliases: ['Balance'] },
} as const;

describe('matchHeaders', () => {
  it('finds columns by name ignoring case and whitespace, not by position', () => {
    const issues = new IssueCollector('f.csv');
    const index = matchHeaders(['  AVAILABLE  TO use ', 'Alerts', 'license'], 1, SPEC, issues);
    expect(index).toEqual({ owned: 0, license: 2 });
    expect(headerKey(' In\u00a0Use ')).toBe('inuse');
  });

  it('prefers the alias listed first when a file has two', () => {
    const issues = new IssueCollector('f.csv');
    expect(matchHeaders(['Quantity', 'License', 'Purchased'], 1, SPEC, issues)).toEqual({
      owned: 2,
      license: 1,
    });
  });

  it('reports each missing required column at line 1 column 1, listing the columns found', () => {
    const issues = new IssueCollector('f.csv');
    expect(matchHeaders(['Licence', ' In Use ', '', 'Balance'], 1, SPEC, issues)).toBeNull();
    expect(issues.issues.map(formatIssue)).toEqual([
      'f.csv:1:1: missing column "License"; the columns found are "Licence", "In Use", "Balance"',
      'f.csv:1:1: missing column "Purchased" (or "Available to Use", "Quantity"); the columns ' +
        'found are "Licence", "In Use", "Balance"',
    ]);
  });
});
