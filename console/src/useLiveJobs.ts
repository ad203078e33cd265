// Jobs as they change: each job that has not finished is followed through the
// provisioningProgress subscription, and its latest event stands in for the row the
// list read. The progress bars move with the events, not with re-reads of the list.
import { useEffect, useState } from 'react';
import { subscribe } from './live';

export interface Job {
  id: string;
  kind: string;
  status: string;
  progress: number;
  step: string | null;
  message: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
  tenant: { slug: string };
}

type JobEvent = Pick<Job, 'status' | 'progress' | 'step' | 'message' | 'attempts' | 'error'> & { version: number };

export const JOB_FIELDS = 'id kind status progress step message attempts error createdAt tenant { slug }';
const PROGRESS = 'subscription ConsoleJobProgress($jobId: ID!) { provisioningProgress(jobId: $jobId) { status progress step message attempts error version } }';

export const finished = (status: string) => status === 'SUCCEEDED' || status === 'FAILED';

export function useLiveJobs(jobs: Job[]): Job[] {
  const [events, setEvents] = useState<Record<string, JobEvent>>({});
  const following = jobs.filter((j) => !finished(j.status)).map((j) => j.id);
  useEffect(() => {
    const stops = following.map((jobId) =>
      subscribe<{ provisioningProgress: JobEvent }>(PROGRESS, { jobId }, ({ provisioningProgress: event }) =>
        setEvents((known) => (known[jobId] && known[jobId].version >= event.version ? known : { ...known, [jobId]: event })),
      ),
    );
    return () => stops.forEach((stop) => stop());
    // Re-subscribe only when the set of jobs to follow changes.
  }, [following.join(',')]);
  return jobs.map((job) => {
    const event = events[job.id];
    return event ? { ...job, ...event } : job;
  });
}
