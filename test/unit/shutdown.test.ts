import { createLogger } from '../../src/logger';
import { ShutdownRegistry } from '../../src/shutdown';

const log = createLogger('silent');

test('phases run in order whatever the order of registration; a failing hook is reported and the rest still run', async () => {
  const shutdown = new ShutdownRegistry(log);
  const ran: string[] = [];
  shutdown.add('disconnect', 'pool', () => void ran.push('pool'));
  shutdown.add('stop-databases', 'embedded', () => void ran.push('embedded'));
  shutdown.add('drain', 'requests', async () => {
    await new Promise((r) => setTimeout(r, 20));
    ran.push('requests');
  });
  shutdown.add('drain', 'worker', () => {
    throw new Error('worker would not stop');
  });
  shutdown.add('stop-accepting', 'listener', () => void ran.push('listener'));

  expect(shutdown.started).toBe(false);
  const report = await shutdown.run(1000);
  expect(ran).toEqual(['listener', 'requests', 'pool', 'embedded']);
  expect(report).toEqual({ failed: ['worker'], timedOut: false });
  expect(shutdown.started).toBe(true);
  expect(await shutdown.run(1000)).toBe(report); // runs once
});

test('a drain hook is told when the deadline passes', async () => {
  const shutdown = new ShutdownRegistry(log);
  let cut = false;
  shutdown.add(
    'drain',
    'slow requests',
    (deadline) =>
      new Promise<void>((resolve) =>
        deadline.addEventListener('abort', () => {
          cut = true;
          resolve();
        }),
      ),
  );
  const report = await shutdown.run(50);
  expect(cut).toBe(true);
  expect(report.timedOut).toBe(true);
});
