import { registerEnumType } from 'type-graphql';

/** Where an import run is (the database's `import_status`). */
export enum ImportRunStatusGql {
  RUNNING = 'RUNNING',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
}
registerEnumType(ImportRunStatusGql, {
  name: 'ImportRunStatus',
  description: 'Where an import run is.',
  valuesConfig: {
    RUNNING: {
      description:
        'Still running in this server: its rowCounts are its progress; nothing is visible until it commits.',
    },
    COMMITTED: { description: 'Written, all of it; rowCounts says what changed.' },
    FAILED: { description: 'Stopped; nothing it read was written.' },
  },
});

/** How bad an import issue is. */
export enum ImportIssueSeverityGql {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}
registerEnumType(ImportIssueSeverityGql, {
  name: 'ImportIssueSeverity',
  description: 'How bad an issue in an input file is.',
  valuesConfig: {
    ERROR: { description: 'The import was refused: nothing was written. Fix the cell and retry.' },
    WARNING: { description: 'Imported anyway; worth a look (e.g. a negative balance in CSSM).' },
  },
});

/** What an import did about an entitlement tag and a license name. */
export enum ImportLicenseJoinKindGql {
  JOINED = 'JOINED',
  RENAMED = 'RENAMED',
  AMBIGUOUS = 'AMBIGUOUS',
}
registerEnumType(ImportLicenseJoinKindGql, {
  name: 'ImportLicenseJoinKind',
  description: 'What an import did with a tag it joined to a license by product identity.',
  valuesConfig: {
    JOINED: { description: 'The tag was given to the one license it names.' },
    RENAMED: { description: 'A license known only by its tag was given its name.' },
    AMBIGUOUS: {
      description: 'Several licenses fit: no join was made; a license catalog CSV row settles it.',
    },
  },
});

/** Which pass a running import is in. */
export enum ImportPassGql {
  CHECK = 'CHECK',
  WRITE = 'WRITE',
}
registerEnumType(ImportPassGql, {
  name: 'ImportPass',
  description: 'The pass a running import is in.',
  valuesConfig: {
    CHECK: { description: 'Pass 1: parsing and validating; nothing written yet.' },
    WRITE: { description: 'Pass 2: writing, in one transaction.' },
  },
});
