// Nothing of one tenant is reachable with another tenant's context (test/suites/isolationSuite.ts),
// on connections straight to the server, on each engine.
import { tenantEngines } from '../support/engines';
import { isolationSuite } from '../suites/isolationSuite';

describe.each(tenantEngines)('on %s', (engine) => isolationSuite(() => ({}), engine));
