// The tests that stop a job at a known point hold its row and wait until the job's next
// write waits for it. That wait must be seen whichever write comes first: the claim
// (when the row is held before a worker takes the job) as well as a progress report,
// but never the heartbeat alone, which goes on while a job works between reports.
import { RunningJob } from '../../src/provisioning/jobs/runningJob';
import { onServer } from '../support/database';
import { holdJobRow, jobUpdateIsWaiting } from '../support/jobBlockers';
import { eventually } from '../support/eventually';
import { createTenantViaApi } from '../support/provisioning';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { databaseOf } from '../../src/db/urls';

let gw: TestGateway;

// No worker: the job stays QUEUED until this test claims it.
beforeAll(async () => (gw = await startTestGateway({ env: { JOB_CONCURRENCY: '0' } })));
afterAll(() => gw?.close());

/** Any statement of the platform database waiting for a lock. */
const anyLockWait = async () =>
  (await onServer(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [databaseOf(gw.dbs.platformUrl)])).rowCount! > 0;

test('a claim waiting for the held row is seen; a heartbeat waiting alone is not', async () => {
  const admin = await gw.createUser({ platformAdmin: true });
  const { job } = await createTenantViaApi(gw, admin.token, { slug: 'held-from-the-start' });

  const held = await holdJobRow(gw.dbs.platformUrl, job.id);
  const claiming = RunningJob.claim(gw.services, job.id, 'a-worker');
  await eventually(() => jobUpdateIsWaiting(gw.dbs.platformUrl), 10_000);
  await held.release();
  const running = (await claiming)!;
  expect(running.id).toBe(job.id);

  const heldAgain = await holdJobRow(gw.dbs.platformUrl, job.id);
  running.startHeartbeat(50);
  try {
    await eventually(anyLockWait, 10_000);
    expect(await jobUpdateIsWaiting(gw.dbs.platformUrl)).toBe(false);
  } finally {
    running.stopHeartbeat();
    await heldAgain.release();
  }
});
