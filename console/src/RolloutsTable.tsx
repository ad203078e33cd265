// Platform admins: the newest rollouts (a release's migrations across the fleet), each
// with a bar of the tenants done out of its cohorts' total, moved live by its
// rolloutProgress subscription while it runs; a HALTED one shows its error and a
// Resume button.
import { useEffect, useState } from 'react';
import { ask, must } from './api';
import { ProgressBar } from './Bars';
import { when } from './format';
import { subscribe } from './live';
import { useAnswer } from './useAnswer';

interface Cohort {
  name: string;
  status: string;
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
}

interface Rollout {
  id: string;
  targetVersion: string;
  status: string;
  error: string | null;
  createdAt: string;
  cohorts: Cohort[];
}

const COHORTS = 'cohorts { name status total succeeded failed skipped }';
const ROLLOUTS = `query ConsoleRollouts { rollouts(first: 5) { id targetVersion status error createdAt ${COHORTS} } }`;
const PROGRESS = `subscription ConsoleRolloutProgress($id: ID!) { rolloutProgress(id: $id) { status error ${COHORTS} } }`;
const RESUME = 'mutation ConsoleResumeRollout($id: ID!) { resumeRollout(id: $id) { status } }';

const percentDone = (cohorts: Cohort[]) => {
  const total = cohorts.reduce((n, c) => n + c.total, 0);
  const done = cohorts.reduce((n, c) => n + c.succeeded + c.failed + c.skipped, 0);
  return total ? Math.round((done / total) * 100) : 100;
};

function LiveRollout({ rollout, onResumed }: { rollout: Rollout; onResumed: () => void }) {
  const [live, setLive] = useState(rollout);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setLive(rollout);
    if (rollout.status !== 'RUNNING') return;
    return subscribe<{ rolloutProgress: Pick<Rollout, 'status' | 'error' | 'cohorts'> }>(PROGRESS, { id: rollout.id }, ({ rolloutProgress: event }) =>
      setLive((known) => ({ ...known, ...event })),
    );
  }, [rollout]);
  const resume = () => must(RESUME, { id: rollout.id }).then(onResumed, (e: Error) => setError(e.message));
  return (
    <tr data-rollout={live.id} className={live.status}>
      <td className="mono">{live.targetVersion}</td>
      <td>
        <span className={`status ${live.status}`}>{live.status}</span>
      </td>
      <td>
        <ProgressBar value={percentDone(live.cohorts)} label={`rollout to ${live.targetVersion}`} failed={live.status === 'HALTED'} />
      </td>
      <td>{live.cohorts.map((c) => `${c.name}: ${c.succeeded}/${c.total}${c.failed ? `, ${c.failed} failed` : ''}`).join(' · ')}</td>
      <td>{when(live.createdAt)}</td>
      <td className="error">
        {live.error ?? ''} {error}
      </td>
      <td>{live.status === 'HALTED' && <button onClick={resume}>Resume</button>}</td>
    </tr>
  );
}

export function RolloutsTable() {
  const { answer, failure, reload } = useAnswer('rollouts', () => ask<{ rollouts: Rollout[] }>(ROLLOUTS));
  const rollouts = answer?.data?.rollouts ?? [];
  return (
    <>
      <h2>Migrations (rollouts)</h2>
      {(failure ?? answer?.errors[0]?.message) && <p className="error">{failure ?? answer?.errors[0]?.message}</p>}
      {rollouts.length ? (
        <table className="rollouts">
          <thead>
            <tr>
              <th>Target version</th>
              <th>Status</th>
              <th>Tenants done</th>
              <th>Cohorts</th>
              <th>Started</th>
              <th>Error</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rollouts.map((r) => (
              <LiveRollout key={r.id} rollout={r} onResumed={reload} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No rollouts yet: startRollout migrates the fleet to a release’s schema version.</p>
      )}
    </>
  );
}
