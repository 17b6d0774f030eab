import { describe, expect, it } from 'vitest';

import { parseRole, roleAllows } from './roles.js';

describe('roles', () => {
  it('orders VIEWER < ANALYST < ADMIN', () => {
    expect(roleAllows('VIEWER', 'VIEWER')).toBe(true);
    expect(roleAllows('VIEWER', 'ANALYST')).toBe(false);
    expect(roleAllows('VIEWER', 'ADMIN')).toBe(false);
    expect(roleAllows('ANALYST', 'VIEWER')).toBe(true);
    expect(roleAllows('ANALYST', 'ANALYST')).toBe(true);
    expect(roleAllows('ANALYST', 'ADMIN')).toBe(false);
    expect(roleAllows('ADMIN', 'VIEWER')).toBe(true);
    expect(roleAllows('ADMIN', 'ANALYST')).toBe(true);
    expect(roleAllows('ADMIN', 'ADMIN')).toBe(true);
  });

  it('parses role names in any case and nothing else', () => {
    expect(parseRole('viewer')).toBe('VIEWER');
    expect(parseRole('Admin')).toBe('ADMIN');
    expect(parseRole('root')).toBeUndefined();
    expect(parseRole('')).toBeUndefined();
  });
});
