import { Arg } from 'type-graphql';

import { DESCRIBE } from './descriptions.js';
import { DateScalar } from './scalars/date.scalar.js';

// The arguments many fields share, declared once (the same name, type, default and description).

/** `asOf: Date`, optional: left out, the service reads as of today (or what `description` says). */
export const AsOfArg = (description: string = DESCRIBE.asOf) =>
  Arg('asOf', () => DateScalar, { nullable: true, description });

/** `includeClassic: Boolean = true`: count classic PAK entitlements in the position. */
export const IncludeClassicArg = () =>
  Arg('includeClassic', () => Boolean, {
    nullable: true,
    defaultValue: true,
    description: DESCRIBE.includeClassic,
  });

/** `includeReturned: Boolean = false`: also list reservations that hold nothing at the date. */
export const IncludeReturnedArg = () =>
  Arg('includeReturned', () => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also list reservations that hold nothing at the date.',
  });
