import { Field, ObjectType } from 'type-graphql';

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

  @Field(() => String, {
    description:
      'Stable machine code of the mistake (e.g. SCENARIO_VERSION_CONFLICT, UNKNOWN_LICENSE, INVALID_QUANTITY, IMPORT_INPUT); programs match on it, people read message.',
  })
  code!: string;

  @Field(() => String, { description: 'What is wrong, in words for a person.' })
  message!: string;
}
