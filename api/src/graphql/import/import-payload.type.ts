import { Field, InputType } from 'type-graphql';

import { MutationInput } from '../mutation/mutation-input.js';
import { Payload } from '../mutation/payload.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { ImportFormatGql, ImportSummaryGql } from './import.type.js';

@InputType('ImportDataInput', { description: 'One file to import and where to.' })
export class ImportDataInput extends MutationInput {
  @Field(() => String, { description: 'Domain; created if new (install-wide tokens only).' })
  smartAccount!: string;
  @Field(() => String, { description: 'Name of the file, shown in issues (file:line:column).' })
  fileName!: string;
  @Field(() => String, { description: 'The file’s text, UTF-8 (BOM or not).' })
  content!: string;
  @Field(() => ImportFormatGql, {
    nullable: true,
    description: 'Detected from the content when absent.',
  })
  format?: ImportFormatGql | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Validate and count only; write nothing.',
  })
  dryRun?: boolean | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the export describes (default today).',
  })
  asOf?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The Virtual Account of files that name none (v2 get-summary, one-Virtual-Account exports).',
  })
  virtualAccount?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Display name of a Smart Account created by this import.',
  })
  smartAccountName?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'cloud (default), or onprem:<host> for an SSM On-Prem export: records <host> as a ' +
      'satellite synced on the as-of date, and its devices as ON_PREM unless reserved.',
  })
  sourceSystem?: string | null;
}

export const ImportDataPayload = Payload(
  'ImportDataPayload',
  'What importData answers. Bad rows are not userErrors: they come back as summary.issues (file:line:column) with committed false; userErrors holds refusals of the request itself (an unreadable file, an unknown format).',
  {
    summary: {
      type: () => ImportSummaryGql,
      description:
        'What the import read, wrote or would write, and its issues; null when userErrors is not empty.',
    },
  },
);
