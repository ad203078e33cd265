// createTenant and its job, as a client uses them.
import type { GraphQLResponse, RequestOptions } from './testGateway';
import { eventually } from './eventually';

export const JOB_FIELDS = 'id kind status progress step message tablesCreated totalTables attempts error startedAt finishedAt';
export const EVENT_FIELDS = 'jobId kind status progress step message tablesCreated totalTables attempts error version';

export const CREATE_TENANT = `mutation($input: CreateTenantInput!) {
  createTenant(input: $input) { tenant { id slug status } job { ${JOB_FIELDS} } }
}`;
export const PROGRESS = `subscription($jobId: ID!) { provisioningProgress(jobId: $jobId) { ${EVENT_FIELDS} } }`;
export const JOB = `query($id: ID!) { provisioningJob(id: $id) { ${JOB_FIELDS} tenant { slug status } } }`;

/** A gateway, in this process or another, as far as these helpers use it. */
interface Requester {
  request(query: string, options?: RequestOptions): Promise<GraphQLResponse>;
}

export interface CreatedTenant {
  tenant: { id: string; slug: string; status: string };
  job: { id: string; status: string; progress: number; [field: string]: unknown };
}

export async function createTenantViaApi(gw: Requester, token: string, input: Record<string, unknown>): Promise<CreatedTenant> {
  const response = await gw.request(CREATE_TENANT, { token, variables: { input: { name: String(input.slug), ...input } } });
  if (response.body.errors) throw new Error(`createTenant failed: ${JSON.stringify(response.body.errors)}`);
  return response.body.data.createTenant;
}

/** The job once it SUCCEEDED or FAILED, read over HTTP. */
export async function finishedJob(gw: Requester, token: string, jobId: string, timeoutMs = 60_000) {
  return eventually(async () => {
    const { body } = await gw.request(JOB, { token, variables: { id: jobId } });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const job = body.data.provisioningJob;
    return job.status === 'SUCCEEDED' || job.status === 'FAILED' ? job : null;
  }, timeoutMs, 100);
}
