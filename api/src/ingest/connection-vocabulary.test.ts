import { describe, expect, it } from 'vitest';

import {
  connectionInStatus,
  parseConnectionText,
  parseStatusText,
} from './connection-vocabulary.js';

describe('parseConnectionText', () => {
  it.each([
    ['Smart Licensing', 'ONLINE'],
    ['Smart Licensing Using Policy', 'ONLINE'],
    ['SLUP', 'ONLINE'],
    ['Specific License Reservation', 'SLR'],
    ['SPECIFIC', 'SLR'],
    ['slr', 'SLR'],
    ['REGISTERED - SPECIFIC LICENSE RESERVATION', 'SLR'],
    ['Smart Licensing Using Policy - Specific License Reservation', 'SLR'],
    ['Permanent License Reservation', 'PLR'],
    ['UNIVERSAL', 'PLR'],
    ['PLR', 'PLR'],
    ['SSM On-Prem', 'ON_PREM'],
    ['On-Premises', 'ON_PREM'],
    ['OnPrem', 'ON_PREM'],
    ['Satellite', 'ON_PREM'],
    ['CSLU', 'ON_PREM'],
    ['Smart Licensing via SSM On-Prem', 'ON_PREM'],
    ['Direct', 'DIRECT_CLOUD'],
    ['Cloud', 'DIRECT_CLOUD'],
    ['direct_cloud_access', 'DIRECT_CLOUD'],
    ['Smart Transport', 'DIRECT_CLOUD'],
    ['Call-Home', 'DIRECT_CLOUD'],
    ['CSSM', 'DIRECT_CLOUD'],
  ])('reads %j as %s', (text, mode) => {
    expect(parseConnectionText(text)).toBe(mode);
  });

  it.each(['License Reservation', 'Reserved', 'Evaluation', 'Carrier pigeon', 'SSM', ''])(
    'does not guess %j',
    (text) => {
      expect(parseConnectionText(text)).toBeUndefined();
    },
  );
});

describe('device status texts', () => {
  it.each([
    ['Active', 'ACTIVE', null],
    ['REGISTERED - SPECIFIC LICENSE RESERVATION', 'ACTIVE', 'SLR'],
    ['Registered - Permanent License Reservation', 'ACTIVE', 'PLR'],
    ['Authorized', 'ACTIVE', null],
    ['Decommissioned', 'DECOMMISSIONED', null],
    ['removed', 'DECOMMISSIONED', null],
    ['Inactive', 'DECOMMISSIONED', null],
    ['UNREGISTERED', 'DECOMMISSIONED', null],
  ])('reads %j as %s, naming mode %s', (text, status, mode) => {
    expect(parseStatusText(text)).toBe(status);
    expect(connectionInStatus(text)).toBe(mode);
  });

  it('does not guess an unknown status', () => {
    expect(parseStatusText('Zombie')).toBeUndefined();
  });
});
