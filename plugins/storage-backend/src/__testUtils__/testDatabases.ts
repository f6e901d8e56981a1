import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

function connectionStringVariable(id: TestDatabaseId): string {
  return `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`;
}

/**
 * The databases store tests run against: SQLite always, and every
 * PostgreSQL whose connection string is set (scripts/test.sh starts one).
 * In CI a missing PostgreSQL is an error, never a silent skip.
 */
export function createTestDatabases(): TestDatabases {
  const postgres = POSTGRES_IDS.filter(
    id => process.env[connectionStringVariable(id)],
  );
  if (postgres.length === 0 && process.env.CI) {
    throw new Error(
      'No PostgreSQL for the store tests: set BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING, ' +
        'or run the suite with scripts/test.sh, which starts one.',
    );
  }
  return TestDatabases.create({
    ids: [...postgres, 'SQLITE_3'],
    disableDocker: true,
  });
}
