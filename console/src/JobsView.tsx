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
import { Problems } from './Problems';

const LIST_EVERY_MS = 3_000;

const JOBS = `query ConsoleJobs($status: JobStatus) { provisioningJobs(first: 100, status: $status) { ${JOB_FIELDS} } }`;

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

const STATUSES = ['FAILED', 'RUNNING', 'QUEUED', 'SUCCEEDED'];

export function JobsView({ admin }: { admin: boolean }) {
  const [round, setRound] = useState(0);
  const [status, setStatus] = useState('');
  const [tenant, setTenant] = useState('');
  // The status is the query's own argument, so the jobs of a status are not cut short by the first 100 of all.
  const { answer, failure } = useAnswer(`jobs ${round} ${status}`, () => ask<{ provisioningJobs: Job[] }>(JOBS, { status: status || null }));
  const search = tenant.trim().toLowerCase();
  const jobs = (answer?.data?.provisioningJobs ?? []).filter((job) => job.tenant.slug.includes(search));
  useEffect(() => {
    const timer = setInterval(() => setRound((n) => n + 1), LIST_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <section>
      <h1>Jobs</h1>
      <div className="toolbar">
        <label>
          status{' '}
          <select aria-label="filter jobs by status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">all</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <input type="search" placeholder="Tenant slug" aria-label="filter jobs by tenant" value={tenant} onChange={(e) => setTenant(e.target.value)} />
      </div>
      <Problems failure={failure} errors={answer?.errors} />
      <JobTable jobs={jobs} onRetried={() => setRound((n) => n + 1)} />
      {admin && <RolloutsTable />}
    </section>
  );
}
