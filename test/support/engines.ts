// The engines tenant-facing suites run on: PostgreSQL always, MySQL when the run has
// a MySQL or MariaDB server (TEST_MYSQL_URL, or the throwaway MariaDB the global setup
// starts when the machine has `mariadbd`). A suite is one definition:
//
//   describe.each(tenantEngines)('on %s', (engine) => { ... startTestGateway({ engine }) ... });
//
// and where MySQL is missing, its run is reported as skipped with how to enable it.
import type { Engine } from '../../src/db/engine';
import { testMysqlUrl } from './database';

export const MYSQL_SKIPPED = 'MySQL runs skipped: set TEST_MYSQL_URL (e.g. mariadb://root@127.0.0.1:3306/) or install MariaDB (mariadbd) to enable them';

export const tenantEngines: Engine[] = testMysqlUrl() ? ['postgresql', 'mysql'] : ['postgresql'];

if (!testMysqlUrl()) test.skip(MYSQL_SKIPPED, () => {});
