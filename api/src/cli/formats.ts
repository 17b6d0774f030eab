// A leaf module, so building the command line (and `--help`) does not load the CSV writer.
export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];
