// A nested list costs a fixed number of statements, whatever its rows (test/suites/batchingSuite.ts),
// on connections straight to the server, on each engine.
import { tenantEngines } from '../support/engines';
import { batchingSuite } from '../suites/batchingSuite';

describe.each(tenantEngines)('on %s', (engine) => batchingSuite(() => ({}), engine));
