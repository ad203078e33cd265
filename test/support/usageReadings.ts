// Usage read while flushes move the counts from the counter store to the database:
// rounds of three API calls, then every gateway flushes while four readings start at
// moments around the flushes. Each reading should see every call made so far, once.
import type { TestGateway } from './testGateway';

const LIST = '{ products { totalCount } }';

export async function readUsageWhileFlushing(gateways: TestGateway[], tenantId: string, as: { token: string; tenant: string }, rounds = 20) {
  const day = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const gatewayAt = (i: number) => gateways[i % gateways.length];
  const callsSeen = async (gw: TestGateway, afterMs: number) => {
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    const [row] = await gw.services.usage.daily({ tenantId, from: day, to: day });
    return row?.calls ?? 0;
  };
  const readings: number[][] = [];
  for (let round = 1; round <= rounds; round++) {
    for (let i = 0; i < 3; i++) {
      const { status } = await gatewayAt(i).request(LIST, as);
      if (status !== 200) throw new Error(`call ${i} of round ${round} answered ${status}`);
    }
    const flushes = gateways.map((gw) => gw.services.usage.flush());
    readings.push(await Promise.all([0, 1, 2, 4].map((ms, i) => callsSeen(gatewayAt(i), ms))));
    await Promise.all(flushes);
  }
  return { readings, expected: Array.from({ length: rounds }, (_, r) => Array(4).fill(3 * (r + 1))) };
}
