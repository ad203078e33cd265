// Nothing of one tenant is reachable with another tenant's context (test/suites/isolationSuite.ts),
// on connections straight to the server.
import { isolationSuite } from '../suites/isolationSuite';

isolationSuite();
