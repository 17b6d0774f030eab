import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DateScalar } from '../scalars/date.scalar.js';

/** GraphQL names of the import formats (the CLI spells them in kebab-case). */
export enum ImportFormatGql {
  CSSM_LICENSES_CSV = 'cssm-licenses-csv',
  CSSM_INSTANCES_CSV = 'cssm-instances-csv',
  API_LICENSES_JSON = 'api-licenses-json',
  API_DEVICES_JSON = 'api-devices-json',
  SLR_AUTHORIZATION_XML = 'slr-authorization-xml',
  RUM_REPORT = 'rum-report',
  CLASSIC_PAK_CSV = 'classic-pak-csv',
  LICENSE_CATALOG_CSV = 'license-catalog-csv',
  PRICE_BOOK = 'price-book',
  CSSM_EVENT_LOG_CSV = 'cssm-event-log-csv',
}
registerEnumType(ImportFormatGql, {
  name: 'ImportFormat',
  description: 'A Cisco export format Trueup imports.',
});

@ObjectType('ImportIssue', { description: 'A problem in an input file, at file:line:column.' })
export class ImportIssueGql {
  @Field(() => String, { description: 'error (the import was refused) or warning' })
  severity!: string;
  @Field(() => String) code!: string;
  @Field(() => String) file!: string;
  @Field(() => Int) line!: number;
  @Field(() => Int) column!: number;
  @Field(() => String) message!: string;
}

@ObjectType('ImportCount', {
  description: 'Rows of one kind an import created or updated, or records it skipped.',
})
export class ImportCountGql {
  @Field(() => String) kind!: string;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int, {
    description:
      'Records deliberately not applied, e.g. olderAuthorizationCodes: SLR codes issued before the device’s latest reservation event.',
  })
  skipped!: number;
}

@ObjectType('ImportedFile')
export class ImportedFileGql {
  @Field(() => String) fileName!: string;
  @Field(() => ImportFormatGql) format!: ImportFormatGql;
  @Field(() => Int) rowsRead!: number;
  @Field(() => Boolean, { description: 'The same content was already imported: nothing changed.' })
  alreadyImported!: boolean;
}

@ObjectType('ImportLicenseJoin', {
  description:
    'A license join an import inferred by product identity (family, line, tier, variant), or declined as ambiguous; a license catalog CSV corrects it.',
})
export class ImportLicenseJoinGql {
  @Field(() => String, {
    description:
      'JOINED (a tag given to the one named license), RENAMED (a tag-named license given its name) or AMBIGUOUS (several candidates: no join)',
  })
  kind!: string;
  @Field(() => String) file!: string;
  @Field(() => String) entitlementTag!: string;
  @Field(() => [String], { description: 'The license joined to, or the candidates.' })
  licenses!: string[];
  @Field(() => String) message!: string;
}

@ObjectType('ImportSummary')
export class ImportSummaryGql {
  @Field(() => String) smartAccount!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Boolean, { description: 'True when the changes are in the database.' })
  committed!: boolean;
  @Field(() => [ImportedFileGql]) files!: ImportedFileGql[];
  @Field(() => [ImportCountGql]) counts!: ImportCountGql[];
  @Field(() => Int) errorCount!: number;
  @Field(() => Int) warningCount!: number;
  @Field(() => [ImportIssueGql], { description: 'The first issues (capped at 100).' })
  issues!: ImportIssueGql[];
  @Field(() => [ImportLicenseJoinGql], {
    description: 'Every license join inferred by product identity, and every one declined.',
  })
  licenseJoins!: ImportLicenseJoinGql[];
}

@ObjectType('ImportRun', { description: 'One imported file: provenance of the rows it wrote.' })
export class ImportRunGql {
  @Field(() => ID) id!: string;
  @Field(() => String) fileName!: string;
  @Field(() => ImportFormatGql) format!: ImportFormatGql;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => String) status!: string;
  @Field(() => String, { nullable: true }) sha256!: string | null;
  @Field(() => String, { description: 'cloud or onprem:<host>.' }) sourceSystem!: string;
  @Field(() => String, { description: 'ISO 8601 timestamp (UTC).' }) startedAt!: string;
  @Field(() => String, {
    description: 'Row counts as JSON, e.g. {"rowsRead":12,"created.entitlementLots":14}.',
  })
  rowCounts!: string;
}
