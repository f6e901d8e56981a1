import knexFactory from 'knex';

/** The PostgreSQL the test command starts (its connection string), if any. */
export const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  Object.entries(process.env).find(([key]) =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(key),
  )?.[1];

/** A fresh PostgreSQL database, dropped by the returned function. */
export async function postgresDatabase(): Promise<{
  connection: string;
  drop: () => Promise<void>;
}> {
  const name = `reliability_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = knexFactory({ client: 'pg', connection: POSTGRES });
  await admin.raw(`create database ${name}`);
  return {
    connection: Object.assign(new URL(POSTGRES!), { pathname: `/${name}` })
      .href,
    drop: async () => {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}
