import { Field, InputType } from 'type-graphql';

/** Every mutation input extends this: Relay's `clientMutationId`, echoed in the payload (never an argument itself, so not emitted). */
@InputType('MutationInput')
export abstract class MutationInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Any string the client chooses to match this request with its answer; echoed unchanged in the payload’s clientMutationId.',
  })
  clientMutationId?: string | null;
}
