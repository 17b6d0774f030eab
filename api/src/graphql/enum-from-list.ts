/** A list value's GraphQL enum key: `cssm-licenses-csv` → `CSSM_LICENSES_CSV`. */
export type EnumKey<V extends string> = V extends `${infer Head}-${infer Tail}`
  ? `${Uppercase<Head>}_${EnumKey<Tail>}`
  : Uppercase<V>;

/** What type-graphql's `registerEnumType` takes: each value of a list under its enum key. */
export type EnumObject<V extends string> = { readonly [K in V as EnumKey<K>]: K };

/**
 * Builds a GraphQL enum from one of the domain's or ingest's `as const` lists, so the enum never
 * drifts from the list (graphql-js builds its enums from config objects the same way).
 */
export function enumFromList<V extends string>(values: readonly V[]): EnumObject<V> {
  return Object.fromEntries(
    values.map((value) => [value.toUpperCase().replaceAll('-', '_'), value]),
  ) as EnumObject<V>;
}

/** The enum values' descriptions (`valuesConfig`), from entries that carry their own. */
export function enumDescriptions<V extends string>(
  entries: readonly { readonly value: V; readonly description: string }[],
): { [K in V as EnumKey<K>]: { description: string } } {
  return Object.fromEntries(
    entries.map(({ value, description }) => [
      value.toUpperCase().replaceAll('-', '_'),
      { description },
    ]),
  ) as { [K in V as EnumKey<K>]: { description: string } };
}
