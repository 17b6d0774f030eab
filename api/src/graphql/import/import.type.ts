import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { IMPORT_FORMAT_LIST, IMPORT_FORMATS, type ImportFormat } from '../../ingest/index.js';
import { enumDescriptions, enumFromList } from '../enum-from-list.js';
import { NodeInterface, describeDatabaseId, describeGlobalId } from '../node/node.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

import {
  ImportIssueSeverityGql,
  ImportLicenseJoinKindGql,
  ImportPassGql,
  ImportRunStatusGql,
} from './import-enums.js';

/** The import formats as a GraphQL enum, built from the format registry (`ingest/formats.ts`). */
export const ImportFormatGql = enumFromList(IMPORT_FORMATS);
export type ImportFormatGql = ImportFormat;
registerEnumType(ImportFormatGql, {
  name: 'ImportFormat',
  description: 'A Cisco export format Trueup imports.',
  valuesConfig: enumDescriptions(
    IMPORT_FORMAT_LIST.map((format) => ({ value: format.name, description: format.description })),
  ),
});

@ObjectType('ImportIssue', { description: 'A problem in an input file, at file:line:column.' })
export class ImportIssueGql {
  @Field(() => ImportIssueSeverityGql, {
    description: 'ERROR (the import was refused) or WARNING.',
  })
  severity!: ImportIssueSeverityGql;
  @Field(() => String, {
    description: 'Machine-readable reason, e.g. MISSING_VALUE, UNKNOWN_VALUE, DUPLICATE_ROW.',
  })
  code!: string;
  @Field(() => String, { description: 'The file name given.' }) file!: string;
  @Field(() => Int, { description: 'Line in the file, 1-based.' }) line!: number;
  @Field(() => Int, { description: 'Column in the line, 1-based.' }) column!: number;
  @Field(() => String, { description: 'What is wrong, for a person.' }) message!: string;
}

@ObjectType('ImportCount', {
  description: 'Rows of one kind an import created or updated, or records it skipped.',
})
export class ImportCountGql {
  @Field(() => String, {
    description:
      'What was counted, e.g. entitlementLots, productInstances, reservations, supersededLots.',
  })
  kind!: string;
  @Field(() => Int, { description: 'Rows created.' }) created!: number;
  @Field(() => Int, { description: 'Rows updated.' }) updated!: number;
  @Field(() => Int, {
    description:
      'Records deliberately not applied, e.g. olderAuthorizationCodes: SLR codes issued before the device’s latest reservation event.',
  })
  skipped!: number;
}

@ObjectType('ImportedFile', { description: 'One file an import read.' })
export class ImportedFileGql {
  @Field(() => String, { description: 'The file name given.' }) fileName!: string;
  @Field(() => ImportFormatGql, { description: 'Its format, given or detected.' })
  format!: ImportFormatGql;
  @Field(() => Int, { description: 'Data rows (or records) read.' }) rowsRead!: number;
  @Field(() => Boolean, { description: 'The same content was already imported: nothing changed.' })
  alreadyImported!: boolean;
}

@ObjectType('ImportLicenseJoin', {
  description:
    'A license join an import inferred by product identity (family, line, tier, variant), or declined as ambiguous; a license catalog CSV corrects it.',
})
export class ImportLicenseJoinGql {
  @Field(() => ImportLicenseJoinKindGql, {
    description:
      'JOINED (a tag given to the one named license), RENAMED (a tag-named license given its name) or AMBIGUOUS (several candidates: no join).',
  })
  kind!: ImportLicenseJoinKindGql;
  @Field(() => String, { description: 'The file the tag came from.' }) file!: string;
  @Field(() => String, { description: 'The entitlement tag joined.' }) entitlementTag!: string;
  @Field(() => [String], { description: 'The license joined to, or the candidates.' })
  licenses!: string[];
  @Field(() => String, { description: 'The join explained, for a person.' }) message!: string;
}

@ObjectType('ImportSummary', {
  description:
    'What an import did: files read, rows created and updated, and issues. Any error: nothing written (committed false).',
})
export class ImportSummaryGql {
  @Field(() => String, { description: 'The Smart Account domain imported into.' })
  smartAccount!: string;
  @Field(() => DateScalar, { description: 'The date the export describes.' }) asOf!: string;
  @Field(() => Boolean, { description: 'Validated and counted only, never written.' })
  dryRun!: boolean;
  @Field(() => Boolean, { description: 'True when the changes are in the database.' })
  committed!: boolean;
  @Field(() => [ImportedFileGql], { description: 'The files read.' }) files!: ImportedFileGql[];
  @Field(() => [ImportCountGql], { description: 'Rows written (or that would be), by kind.' })
  counts!: ImportCountGql[];
  @Field(() => Int, { description: 'Errors found (all of them, beyond the 100 listed).' })
  errorCount!: number;
  @Field(() => Int, { description: 'Warnings found (all of them, beyond the 100 listed).' })
  warningCount!: number;
  @Field(() => [ImportIssueGql], { description: 'The first issues (capped at 100).' })
  issues!: ImportIssueGql[];
  @Field(() => [ImportLicenseJoinGql], {
    description: 'Every license join inferred by product identity, and every one declined.',
  })
  licenseJoins!: ImportLicenseJoinGql[];
}

@ObjectType('ImportRowCounts', {
  description:
    'What an import run read and changed (COMMITTED), or how far it is (RUNNING); fields that do not apply are null.',
})
export class ImportRowCountsGql {
  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Records read from the file (so far, when RUNNING); null when not recorded.',
  })
  rowsRead!: number | null;
  @Field(() => [ImportCountGql], {
    description: 'Rows created, updated or skipped, one entry per kind that changed (COMMITTED).',
  })
  counts!: ImportCountGql[];
  @Field(() => ImportPassGql, { nullable: true, description: 'RUNNING only: the pass.' })
  pass!: ImportPassGql | null;
  @Field(() => Int, {
    nullable: true,
    description: 'RUNNING only: records per second over this pass so far.',
  })
  rowsPerSecond!: number | null;
  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'RUNNING only: bytes of the file read so far.',
  })
  bytesRead!: number | null;
  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'RUNNING only: the file size in bytes, when known.',
  })
  totalBytes!: number | null;
}

@ObjectType('ImportRun', {
  implements: NodeInterface,
  description: 'One imported file: provenance of the rows it wrote.',
})
export class ImportRunGql {
  @Field(() => ID, { description: describeGlobalId('import run') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('import run') })
  databaseId!: number;
  @Field(() => String, { description: 'The file name given.' }) fileName!: string;
  @Field(() => ImportFormatGql, { description: 'The file’s format.' }) format!: ImportFormatGql;
  @Field(() => DateScalar, { description: 'The date the export describes.' }) asOf!: string;
  @Field(() => ImportRunStatusGql, { description: 'RUNNING, COMMITTED or FAILED.' })
  status!: ImportRunStatusGql;
  @Field(() => String, {
    nullable: true,
    description:
      'SHA-256 of the content, hex (re-importing the same content changes nothing); null when not recorded.',
  })
  sha256!: string | null;
  @Field(() => String, { description: 'cloud or onprem:<host>.' }) sourceSystem!: string;
  @Field(() => DateTimeScalar, {
    description: 'When the import started, ISO 8601 timestamp (UTC).',
  })
  startedAt!: string;
  @Field(() => ImportRowCountsGql, {
    description:
      'What the run read and changed; for a RUNNING run, its progress (pass, rowsRead, rowsPerSecond, bytesRead, totalBytes).',
  })
  rowCounts!: ImportRowCountsGql;
}
