import { describe, expectTypeOf, it } from 'vitest';

import type { Estate } from '../../api/src/domain/findings/estate.js';
import type { FINDING_CODE_LIST, FindingCode, FindingRule } from '../../api/src/domain/index.js';
import { FINDING_RULES } from '../../api/src/domain/index.js';
import { defineImportFormat, type ImportFormat } from '../../api/src/ingest/index.js';
import { widgetCountCsv } from '../fixtures/registry/widget-count-csv.js';
import type { WIDGET_SHORTAGE } from '../fixtures/registry/widget-shortage.js';

// The compiler catches a forgotten piece: each case below fails to compile without its
// `@ts-expect-error`, which itself fails when the error goes away.

describe('a new import format', () => {
  it('must say where its usage comes from and how it is written', () => {
    // @ts-expect-error usageSource and writer are missing
    defineImportFormat({
      name: 'half-done-csv',
      description: 'A format someone forgot to finish.',
      detect: {},
      parse: widgetCountCsv.parse,
    });
  });

  it('is a name of the union once it is in the list', () => {
    expectTypeOf<'cssm-licenses-csv'>().toExtend<ImportFormat>();
    expectTypeOf<'widget-count-csv'>().not.toExtend<ImportFormat>();
  });
});

describe('a new finding code', () => {
  type Extended = [...typeof FINDING_CODE_LIST, typeof WIDGET_SHORTAGE][number]['code'];

  it('needs its rule: a rules map without it does not compile', () => {
    const rules = FINDING_RULES as { readonly [C in FindingCode]: FindingRule<C> };
    // @ts-expect-error WIDGET_SHORTAGE has no rule
    const extended: { readonly [C in Extended]: (estate: Estate) => readonly unknown[] } = rules;
    expectTypeOf(extended).not.toBeAny();
  });

  it('derives FindingCode from the list', () => {
    expectTypeOf<FindingCode>().toEqualTypeOf<(typeof FINDING_CODE_LIST)[number]['code']>();
  });
});
