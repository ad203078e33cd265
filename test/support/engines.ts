// The engines tenant-facing suites run on: PostgreSQL always, MySQL when the run has
// a MySQL or MariaDB server (TEST_MYSQL_URL, or the throwaway MariaDB the global setup
// starts when the machine has \`mariadbd\`). A suite is one definition:
//
//   describe.each(tenantEngines)('on %s', (engine) => { ... startTestGateway({ engine }) ... });
//
// and where MySQL is missing, its run is reported as skipped with how to enable it.
import type { Engine } from '../../src/engine';
import { MYSQL_SKIPPED, MYSQL_URL } from './mysqlDatabase';

export const tenantEngines: Engine[] = MYSQL_URL ? ['postgresql', 'mysql'] : ['postgresql'];

/** The isolation modes an engine offers: MySQL tenants always have a database each. */
export const isolationsOn = (engine: Engine) => (engine === 'mysql' ? (['DATABASE'] as const) : (['DATABASE', 'SCHEMA', 'POOL'] as const));

if (!MYSQL_URL) test.skip(MYSQL_SKIPPED, () => {});

/** Every engine with every isolation it offers: for suites whose behaviour must hold wherever a tenant lives. */
export const tenantPlacements = tenantEngines.flatMap((engine) => isolationsOn(engine).map((isolation) => ({ engine, isolation })));
