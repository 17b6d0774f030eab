import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { FUZZ_SEED, SEEDS, fuzzRuns, mutatedFile } from '../../../test/support/fuzz-inputs.js';

import { runParser } from './csv/run-parser.js';
import { detectFormat } from './detect/detect-format.js';
import { PARSERS } from './formats.js';
import { IMPORT_FORMATS } from './parser.js';

// Every importer over mutated real-shaped files: it reports issues (with a line and column)
// instead of throwing, however broken the file. FUZZ_RUNS=10000 for the benchmark run.
const RUNS = fuzzRuns(150);

describe.each(IMPORT_FORMATS)('%s parser under fuzzing', (format) => {
  const seed = SEEDS[format];

  it('reads its seed file without an error (so mutations start from a valid file)', async () => {
    const run = await runParser(PARSERS[format], seed.content, {
      fileName: seed.fileName,
      virtualAccount: 'Fuzz',
    });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(run.records.length).toBeGreaterThan(0);
    expect(detectFormat(seed.content, seed.fileName)).toBe(format);
  });

  it(`never throws, and locates every issue (${RUNS} cases, seed ${FUZZ_SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        mutatedFile(seed.content),
        fc.integer({ min: 1, max: 97 }),
        async (text, chunkSize) => {
          detectFormat(text, seed.fileName);
          const run = await runParser(PARSERS[format], text, {
            fileName: seed.fileName,
            virtualAccount: 'Fuzz',
            chunkSize,
          });
          for (const issue of run.issues) {
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.column).toBeGreaterThanOrEqual(1);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: RUNS },
    );
  });
});
