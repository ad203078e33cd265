// A nested list costs a fixed number of statements, whatever its rows (test/suites/batchingSuite.ts),
// on connections straight to the server, on each engine and isolation.
import { tenantPlacements } from '../support/engines';
import { batchingSuite } from '../suites/batchingSuite';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => batchingSuite(() => ({}), engine, isolation));
