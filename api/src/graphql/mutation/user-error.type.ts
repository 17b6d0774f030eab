import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { USER_ERROR_CODE_LIST, type UserErrorCode } from './user-error-codes.js';

/** The GraphQL enum of the codes, built from the one list (value = name). */
export const UserErrorCodeGql = Object.fromEntries(
  USER_ERROR_CODE_LIST.map(({ code }) => [code, code]),
) as { readonly [K in UserErrorCode]: K };
registerEnumType(UserErrorCodeGql, {
  name: 'UserErrorCode',
  description:
    'What is wrong with a mutation’s input, a stable code programs match on (each value says what it means and what to do). A new value may be added; treat an unknown one as a generic input error and show its message.',
  valuesConfig: Object.fromEntries(
    USER_ERROR_CODE_LIST.map(({ code, description }) => [code, { description }]),
  ),
});

/** A mistake in a mutation's input, returned in its payload instead of a top-level error. */
@ObjectType('UserError', {
  description:
    'A mistake in the input that the caller can correct (validation, an unknown license or scenario, a stale version): returned in the payload’s userErrors, never as a top-level error. Nothing was written when userErrors is not empty.',
})
export class UserErrorGql {
  @Field(() => [String], {
    nullable: true,
    description:
      'Path to the input field at fault, from the mutation’s arguments (e.g. ["input", "expectedVersion"]); null when the mistake is not one field’s.',
  })
  field!: string[] | null;

  @Field(() => UserErrorCodeGql, {
    description:
      'Stable machine code of the mistake (e.g. SCENARIO_VERSION_CONFLICT, UNKNOWN_LICENSE, INVALID_QUANTITY, IMPORT_INPUT); programs match on it, people read message.',
  })
  code!: UserErrorCode;

  @Field(() => String, { description: 'What is wrong, in words for a person.' })
  message!: string;
}
