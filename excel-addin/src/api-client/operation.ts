/** A GraphQL document with its result and variable types (validated in operations.test.ts). */
export interface Operation<TData, TVars> {
  readonly name: string;
  readonly document: string;
  /** Phantom fields carrying the types; never set. */
  readonly _data?: TData;
  readonly _vars?: TVars;
}

export const op = <TData, TVars>(name: string, document: string): Operation<TData, TVars> => ({
  name,
  document,
});
