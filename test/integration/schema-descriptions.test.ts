import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/** The committed SDL: what a client's introspection returns (schema-drift.test.ts pins it to the code). */
const schema = buildSchema(
  readFileSync(fileURLToPath(new URL('../../api/schema.graphql', import.meta.url)), 'utf8'),
);

/** Trueup's own named types: the built-in scalars and the __ introspection types are graphql's. */
const ownTypes = Object.values(schema.getTypeMap()).filter(
  (t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t),
);

const blank = (description: string | null | undefined) => !description?.trim();

/** Every element of a type that a client sees a description for, by coordinate (Type.field(arg:)). */
function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (blank(type.description)) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) {
        if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) {
      if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('api/schema.graphql descriptions', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(ownTypes.flatMap(undescribed)).toEqual([]);
  });

  it('sees what it checks (a schema without descriptions is caught)', () => {
    const bare = buildSchema(`
      type Query { a(x: Int): E }
      enum E { ONE }
      input I { f: Int }
      scalar S
    `);
    const found = Object.values(bare.getTypeMap())
      .filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t))
      .flatMap(undescribed)
      .sort();
    expect(found).toEqual(['E', 'E.ONE', 'I', 'I.f', 'Query', 'Query.a', 'Query.a(x:)', 'S']);
  });

  it('gives every custom scalar a specification URL (@specifiedBy)', () => {
    const unspecified = ownTypes
      .filter(isScalarType)
      .filter((s) => !s.specifiedByURL)
      .map((s) => s.name);
    expect(unspecified).toEqual([]);
  });
});
