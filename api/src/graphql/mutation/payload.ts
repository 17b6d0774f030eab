import { Field, ObjectType, type ClassType } from 'type-graphql';

import { UserErrorGql } from './user-error.type.js';

/** What every payload carries besides its result (never returned itself, so not emitted). */
@ObjectType('PayloadBase')
export abstract class PayloadBase {
  @Field(() => [UserErrorGql], {
    description:
      'The input’s mistakes (validation, not found, a stale version…): empty when the mutation succeeded; when not empty nothing was written and the result fields are null.',
  })
  userErrors!: UserErrorGql[];

  @Field(() => String, {
    nullable: true,
    description: 'The clientMutationId sent in the input, unchanged (null when none was sent).',
  })
  clientMutationId!: string | null;
}

/** One result field of a payload: its GraphQL type and description. */
export interface PayloadField {
  readonly type: Parameters<typeof Field>[0] & (() => unknown);
  readonly description: string;
}

/**
 * A payload object type named `name`: the result `fields` (each nullable: null when the input
 * had mistakes) plus `userErrors` and `clientMutationId` (Relay / GitHub / Shopify convention).
 */
export function Payload(
  name: string,
  description: string,
  fields: Readonly<Record<string, PayloadField>>,
): ClassType<PayloadBase> {
  @ObjectType(name, { description })
  class MutationPayload extends PayloadBase {}
  for (const [key, field] of Object.entries(fields)) {
    Field(field.type, { nullable: true, description: field.description })(
      MutationPayload.prototype,
      key,
    );
  }
  return MutationPayload;
}
