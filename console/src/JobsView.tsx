// Every job the user may follow (provisioning, drop, export, restore), failed ones
// first with their error and a retry button, running ones with a live progress bar;
// for platform admins, the fleet's migrations (rollouts) below.
// The list is read again every few seconds to find new jobs; a job's progress comes
// from its subscription (useLiveJobs).
import { useEffect, useState } from 'react';
import { ask } from './api';
import { ProgressBar } from './Bars';
import { when } from './format';
import { RetryButton } from './RetryButton';
import { RolloutsTable } from './RolloutsTable';
import { useAnswer } from './useAnswer';
import { JOB_FIELDS, useLiveJobs, type Job } from './useLiveJobs';

const LIST_EVERY_MS = 3_000;

export function jobsQuery(tenant?: string) {
  return `query ConsoleJobs${tenant ? '($tenant: String)' : ''} { provisioningJobs(first: 100${tenant ? ', tenant: $tenant' : ''}) { ${JOB_FIELDS} } }`;
}

export function JobTable({ jobs, onRetried }: { jobs: Job[]; onRetried: () => void }) {
  const live = useLiveJobs(jobs);
  if (!live.length) return <p className="muted">No jobs.</p>;
  return (
    <table className="jobs">
      <thead>
        <tr>
          <th>Tenant</th>
          <th>Kind</th>
          <th>Status</th>
          <th>Progress</th>
          <th>Step</th>
          <th>Attempts</th>
          <th>Created</th>
          <th>Error</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {live.map((job) => (
          <tr key={job.id} data-job={job.id} data-tenant={job.tenant.slug} className={job.status}>
            <td>
              <a href={`#/tenants/${encodeURIComponent(job.tenant.slug)}`}>{job.tenant.slug}</a>
            </td>
            <td>{job.kind}</td>
            <td>
              <span className={`status ${job.status}`}>{job.status}</span>
            </td>
            <td>
              <ProgressBar value={job.progress} label={`${job.kind} of ${job.tenant.slug}`} failed={job.status === 'FAILED'} />
            </td>
            <td title={job.message ?? ''}>{job.step ?? '–'}</td>
            <td>{job.attempts}</td>
            <td>{when(job.createdAt)}</td>
            <td className="error">{job.error ?? ''}</td>
            <td>{job.status === 'FAILED' && <RetryButton jobId={job.id} onRetried={onRetried} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function JobsView({ admin }: { admin: boolean }) {
  const [round, setRound] = useState(0);
  const { answer, failure } = useAnswer(`jobs ${round}`, () => ask<{ provisioningJobs: Job[] }>(jobsQuery()));
  useEffect(() => {
    const timer = setInterval(() => setRound((n) => n + 1), LIST_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <section>
      <h1>Jobs</h1>
      {failure && <p className="error">{failure}</p>}
      {answer?.errors.map((e, i) => (
        <p key={i} className="error">
          {e.message}
        </p>
      ))}
      <JobTable jobs={answer?.data?.provisioningJobs ?? []} onRetried={() => setRound((n) => n + 1)} />
      {admin && <RolloutsTable />}
    </section>
  );
}
