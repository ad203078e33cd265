// A nested list costs a fixed number of statements, whatever its rows (test/suites/batchingSuite.ts),
// on connections straight to the server.
import { batchingSuite } from '../suites/batchingSuite';

batchingSuite();
