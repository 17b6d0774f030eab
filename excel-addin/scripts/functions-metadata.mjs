// Writes public/functions.json from the JSDoc of the TRUEUP.* functions (src/functions/register.ts)
// with custom-functions-metadata; `--check` only compares and exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const source = fileURLToPath(new URL('../src/functions/register.ts', import.meta.url));
const target = fileURLToPath(new URL('../public/functions.json', import.meta.url));

/** The metadata as committed: 2-space JSON with a final newline. */
export async function functionsMetadata() {
  const result = await generateCustomFunctionsMetadata(source, false);
  if (result.errors.length > 0) throw new Error(result.errors.join('\n'));
  return `${JSON.stringify(JSON.parse(result.metadataJson), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await functionsMetadata();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      process.stderr.write('public/functions.json is stale: run the add-in build\n');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
