import { describe, expectTypeOf, it } from 'vitest';

import type { connectionMode, tokenRole, usageSource } from '@trueup/db';

import type { ConnectionMode, Role, UsageSource } from '../domain/index.js';
import type { ImportedUsageSource } from '../ingest/index.js';

// The domain may not import db/ (lint), so its lists and the database enums are two lists held
// equal here: a value added to one and not the other fails `pnpm test` (vitest typecheck).
type Values<E extends { readonly enumValues: readonly string[] }> = E['enumValues'][number];

describe('database enums', () => {
  it('connection_mode holds the domain connection modes', () => {
    expectTypeOf<Values<typeof connectionMode>>().toEqualTypeOf<ConnectionMode>();
  });

  it('token_role holds the domain roles', () => {
    expectTypeOf<Values<typeof tokenRole>>().toEqualTypeOf<Role>();
  });

  it('usage_source holds the domain usage sources, and every import format records one', () => {
    expectTypeOf<Values<typeof usageSource>>().toEqualTypeOf<UsageSource>();
    expectTypeOf<ImportedUsageSource>().toExtend<UsageSource>();
  });
});
